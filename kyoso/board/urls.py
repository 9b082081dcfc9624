from django.urls import path

from . import views

app_name = "board"
urlpatterns = [
    path("board/", views.index, name="index"),
    path("board/feed/", views.BoardFeed(), name="feed"),
    path("board/reports/", views.reports, name="reports"),
    path("board/files/<int:pk>/", views.attachment, name="attachment"),
    path("board/posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("board/posts/<int:pk>/history/", views.post_history, name="post_history"),
    path("board/posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("board/posts/<int:pk>/report/", views.post_report, name="post_report"),
    path("board/posts/<int:pk>/moderate/", views.post_moderate, name="post_moderate"),
    path("board/posts/<int:pk>/suspend/", views.user_suspend, name="user_suspend"),
    path("board/<slug:board>/", views.board_page, name="board"),
    path("board/<slug:board>/feed/", views.SingleBoardFeed(), name="board_feed"),
    path("board/<slug:board>/new/", views.thread_new, name="thread_new"),
    path("board/<slug:board>/<int:pk>/", views.thread_page, name="thread"),
    path("board/<slug:board>/<int:pk>/reply/", views.reply, name="reply"),
    path("board/<slug:board>/<int:pk>/same/", views.same_problem, name="same"),
    path("board/<slug:board>/<int:pk>/moderate/", views.thread_moderate, name="thread_moderate"),
    path("p/<slug:slug>/board/", views.platform_board, name="platform_board"),
]
