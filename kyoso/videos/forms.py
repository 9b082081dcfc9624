"""Forms for platform admins: a series (symposium, training…) and a video with its file or
YouTube/Vimeo URL, captions, chapters, transcript, speakers and a PDF material."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.cases.models import Case
from kyoso.core.forms import BoundedModelMultipleChoiceField
from kyoso.core.media import validate_video_url, video_embed_url
from kyoso.directory.models import Organisation
from kyoso.measures.files import scan
from kyoso.platforms.forms import PlatformChoiceField

from . import media
from .actions import transcript_source
from .models import Audience, Series, Video


class SeriesForm(forms.ModelForm):
    platform = PlatformChoiceField(
        label=gettext_lazy("プラットフォーム"),
        queryset=None,
        empty_label=gettext_lazy("選択してください"),
        error_messages={"required": gettext_lazy("プラットフォームを選んでください。")},
    )
    audiences = forms.MultipleChoiceField(
        label=gettext_lazy("対象"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cases = BoundedModelMultipleChoiceField(
        label=gettext_lazy("紹介された事例"),
        queryset=Case.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy("シンポジウムで紹介された共創事例（Ctrl キーで複数選べます）。"),
    )

    class Meta:
        model = Series
        fields = ["platform", "kind", "title", "description", "held_on", "audiences", "cases"]
        widgets = {
            "kind": forms.RadioSelect,
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "title": {"required": gettext_lazy("名称を入力してください。")},
            "kind": {"required": gettext_lazy("種類を選んでください。")},
            "held_on": {"invalid": gettext_lazy("日付は 2026-03-15 の形で入力してください。")},
        }

    def __init__(self, *args, platforms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = platforms
        self.fields["kind"].choices = Series.Kind.choices
        self.fields["cases"].queryset = Case.objects.published().order_by("title")


class VideoForm(forms.ModelForm):
    series = forms.ModelChoiceField(
        label=gettext_lazy("シリーズ"),
        queryset=Series.objects.none(),
        empty_label=gettext_lazy("選択してください"),
        error_messages={"required": gettext_lazy("シリーズを選んでください。")},
    )
    upload = forms.FileField(
        label=gettext_lazy("動画ファイル"),
        required=False,
        help_text=gettext_lazy(
            "MP4 か WebM。「動画ファイル」を選んだとき必須（変更しないときは空のまま）。"
        ),
    )
    captions_upload = forms.FileField(
        label=gettext_lazy("字幕ファイル（WebVTT）"),
        required=False,
        help_text=gettext_lazy("UTF-8 の .vtt ファイル。動画ファイルのときは必須です。"),
    )
    duration_text = forms.CharField(
        label=gettext_lazy("長さ"),
        max_length=10,
        required=False,
        help_text=gettext_lazy("例：1:25:30 または 12:05。空なら字幕と見出しから求めます。"),
    )
    speakers_text = forms.CharField(
        label=gettext_lazy("登壇者"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "1行に1人、「氏名｜所属」の形で。所属が賛同団体の正式名称なら、団体のページにつながります。"
        ),
    )
    chapters_text = forms.CharField(
        label=gettext_lazy("見出し（チャプター）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("1行に1つ、「0:00 開会あいさつ」のように時刻と見出しを。"),
    )
    transcript_text = forms.CharField(
        label=gettext_lazy("文字起こし"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "段落の初めに時刻（12:30 など）を書くと、その時刻から再生できます。"
            "空なら字幕から作ります。"
        ),
    )
    material_title = forms.CharField(label=gettext_lazy("資料名"), max_length=200, required=False)
    material_upload = forms.FileField(
        label=gettext_lazy("資料（PDF）"),
        required=False,
        help_text=gettext_lazy("PDF、20MBまで。1回に1つ追加できます。"),
    )

    class Meta:
        model = Video
        fields = ["title", "position", "recorded_on", "description", "source", "url", "self_check"]
        widgets = {
            "source": forms.RadioSelect,
            "recorded_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "self_check": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": gettext_lazy("題名を入力してください。")},
            "source": {"required": gettext_lazy("動画の場所を選んでください。")},
            "recorded_on": {"invalid": gettext_lazy("日付は 2026-03-15 の形で入力してください。")},
            "url": {"invalid": gettext_lazy("https:// から始まる URL を入力してください。")},
        }

    field_order = [
        "series",
        "position",
        "title",
        "recorded_on",
        "description",
        "speakers_text",
        "source",
        "upload",
        "url",
        "captions_upload",
        "duration_text",
        "chapters_text",
        "transcript_text",
        "material_title",
        "material_upload",
        "self_check",
    ]

    def __init__(self, *args, series=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series
        self.fields["source"].choices = Video.Source.choices
        self.fields["position"].widget.attrs.update(min=1, max=999)
        video = self.instance
        if video.pk and not self.is_bound:
            self.initial.update(
                series=video.series_id,
                duration_text=video.duration_label if video.duration else "",
                speakers_text="\n".join(
                    f"{s.name}｜{s.affiliation}" if s.affiliation else s.name
                    for s in video.speakers.all()
                ),
                chapters_text="\n".join(f"{c.label} {c.title}" for c in video.chapters.all()),
                transcript_text=transcript_source(video),
            )

    def clean_url(self):
        url = self.cleaned_data.get("url", "")
        validate_video_url(url)
        return url

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            self.upload_type = media.video_type(upload)
        return upload

    def clean_captions_upload(self):
        upload = self.cleaned_data.get("captions_upload")
        if not upload:
            return None
        text, cues = media.read_captions(upload)
        self.cues = cues
        return text

    def clean_duration_text(self):
        text = self.cleaned_data.get("duration_text", "").strip()
        if not text:
            return None
        seconds = media.parse_time(text)
        if seconds is None:
            raise forms.ValidationError(_("長さは 1:25:30 または 12:05 の形で入力してください。"))
        return seconds

    def clean_chapters_text(self):
        return media.parse_chapters(self.cleaned_data.get("chapters_text", ""))

    def clean_speakers_text(self):
        speakers = []
        for line in self.cleaned_data.get("speakers_text", "").splitlines():
            if not line.strip():
                continue
            name, _sep, affiliation = line.replace("|", "｜").partition("｜")
            affiliation = affiliation.strip()[:120]
            org = (
                Organisation.objects.filter(
                    status="published", is_suspended=False, name=affiliation
                ).first()
                if affiliation
                else None
            )
            speakers.append({"name": name.strip()[:80], "affiliation": affiliation, "org": org})
        return speakers

    def clean_material_upload(self):
        upload = self.cleaned_data.get("material_upload")
        if not upload:
            return None
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("資料は20MB以下にしてください。"))
        upload.seek(0)
        if not upload.read(5).startswith(b"%PDF-"):
            raise forms.ValidationError(_("PDF のファイルを選んでください。"))
        upload.seek(0)
        scan(upload)
        upload.seek(0)
        return upload

    def clean(self):
        data = super().clean()
        source = data.get("source")
        has_file = bool(data.get("upload")) or bool(self.instance.pk and self.instance.file)
        has_captions = bool(data.get("captions_upload")) or bool(
            self.instance.pk and self.instance.captions
        )
        if source == Video.Source.FILE:
            if not has_file and "upload" not in self.errors:
                self.add_error("upload", _("動画ファイルを選んでください。"))
            if not has_captions and "captions_upload" not in self.errors:
                self.add_error(
                    "captions_upload",
                    _(
                        "動画ファイルには字幕（WebVTT）を付けてください。聞こえにくい方も見られるようにするためです。"
                    ),
                )
        elif source in (Video.Source.YOUTUBE, Video.Source.VIMEO):
            url = data.get("url", "")
            embed = video_embed_url(url) or ""
            wanted = "youtube" if source == Video.Source.YOUTUBE else "vimeo"
            if not url and "url" not in self.errors:
                self.add_error("url", _("動画のURLを入力してください。"))
            elif url and wanted not in embed:
                self.add_error("url", _("選んだ動画の場所と URL のサービスが違います。"))
            if not (data.get("transcript_text") or "").strip() and not has_captions:
                self.add_error(
                    "transcript_text",
                    _("YouTube・Vimeo の動画には、ページに載せる文字起こしを入力してください。"),
                )
        if data.get("material_upload") and not data.get("material_title"):
            self.add_error("material_title", _("資料名を入力してください。"))
        return data


class OrganisationVideoForm(VideoForm):
    """A listed organisation's own video: a YouTube or Vimeo link with its transcript (files and
    captions stay with the platform's admins); reviewed before it is published."""

    organisation = forms.ModelChoiceField(
        label=gettext_lazy("団体"),
        queryset=None,
        empty_label=None,
        error_messages={
            "invalid_choice": gettext_lazy("あなたが参加している団体を選んでください。")
        },
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, series=Series.objects.none(), **kwargs)
        for name in ("series", "position", "self_check", "upload", "captions_upload"):
            del self.fields[name]
        self.fields["organisation"].queryset = organisations
        self.fields["source"].choices = [
            (v, label) for v, label in Video.Source.choices if v != Video.Source.FILE
        ]
        self.order_fields(["organisation", *[n for n in self.fields if n != "organisation"]])
