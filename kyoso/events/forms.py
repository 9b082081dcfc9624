"""The event form: dates and times in Japan time, the venue's municipality by name (the shared
picker), and every rule checked with a Japanese message next to its field."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kyoso.directory.forms import FieldMultipleField
from kyoso.measures.forms import sanitise
from kyoso.moderation.forms import VersionedFormMixin
from kyoso.platforms.forms import PlatformChoiceField
from kyoso.regions.models import Field
from kyoso.regions.picker import MunicipalityChoiceField, PickerFormMixin

from .models import Event


def _combine(day: datetime.date | None, time: datetime.time | None, *, end: bool = False):
    if day is None:
        return None
    if time is None:
        time = datetime.time(23, 59) if end else datetime.time(0, 0)
    return timezone.make_aware(datetime.datetime.combine(day, time))


class EventForm(PickerFormMixin, VersionedFormMixin, forms.ModelForm):
    platform = PlatformChoiceField(
        label=gettext_lazy("掲載するプラットフォーム"),
        queryset=None,
        empty_label=gettext_lazy("選択してください"),
        help_text=gettext_lazy(
            "全国向けのイベントは全国版、都道府県内のイベントはその都道府県版を選んでください。"
        ),
        error_messages={"required": gettext_lazy("掲載するプラットフォームを選んでください。")},
    )
    start_date = forms.DateField(
        label=gettext_lazy("開始日"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": gettext_lazy("開始日を入力してください。"),
            "invalid": gettext_lazy("開始日は 2026-12-05 の形で入力してください。"),
        },
    )
    start_time = forms.TimeField(
        label=gettext_lazy("開始時刻"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=gettext_lazy("終日のイベントは空のままにしてください。"),
        error_messages={"invalid": gettext_lazy("時刻は 10:00 の形で入力してください。")},
    )
    end_date = forms.DateField(
        label=gettext_lazy("終了日"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("1日で終わるイベントは空のままで構いません。"),
        error_messages={"invalid": gettext_lazy("終了日は 2026-12-05 の形で入力してください。")},
    )
    end_time = forms.TimeField(
        label=gettext_lazy("終了時刻"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"invalid": gettext_lazy("時刻は 12:00 の形で入力してください。")},
    )
    municipality = MunicipalityChoiceField(
        label=gettext_lazy("会場の市区町村"),
        help_text=gettext_lazy("名前で探すか、都道府県から選んでください。"),
    )
    fields = FieldMultipleField(
        label=gettext_lazy("分野"),
        queryset=Field.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "site-columns"}),
        error_messages={"required": gettext_lazy("分野を1つ以上選んでください。")},
    )
    audiences = forms.MultipleChoiceField(
        label=gettext_lazy("対象"),
        choices=Event.Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("対象を1つ以上選んでください。")},
    )
    accessibility = forms.MultipleChoiceField(
        label=gettext_lazy("参加しやすさ"),
        choices=Event.Access.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    image_upload = forms.ImageField(
        label=gettext_lazy("画像"),
        required=False,
        help_text=gettext_lazy("チラシや会場の写真など。PNG・JPEG・WebP・GIF、2MBまで。"),
        error_messages={"invalid_image": gettext_lazy("画像として読み込めないファイルです。")},
    )
    deadline_date = forms.DateField(
        label=gettext_lazy("申込締切日"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("締切日は 2026-12-05 の形で入力してください。")},
    )

    field_order = [
        "platform",
        "title",
        "title_kana",
        "title_en",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "format",
        "venue_name",
        "address",
        "municipality",
        "lat",
        "lng",
        "online_url",
        "description",
        "image_upload",
        "image_alt",
        "fields",
        "audiences",
        "fee_free",
        "fee_amount",
        "fee_details",
        "capacity",
        "takes_applications",
        "apply_method",
        "deadline_date",
        "organiser",
        "contact",
        "accessibility",
    ]

    class Meta:
        model = Event
        fields = [
            "title",
            "title_kana",
            "title_en",
            "description",
            "format",
            "venue_name",
            "address",
            "lat",
            "lng",
            "online_url",
            "image_alt",
            "fee_free",
            "fee_amount",
            "fee_details",
            "capacity",
            "takes_applications",
            "apply_method",
            "organiser",
            "contact",
        ]
        widgets = {
            "format": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "apply_method": forms.Textarea(attrs={"rows": 3}),
            "contact": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "title": {"required": gettext_lazy("イベント名を入力してください。")},
            "title_kana": {"required": gettext_lazy("イベント名のよみがなを入力してください。")},
            "description": {"required": gettext_lazy("内容を入力してください。")},
            "format": {"required": gettext_lazy("開催形式を選んでください。")},
            "online_url": {"invalid": gettext_lazy("https:// から始まる URL を入力してください。")},
            "capacity": {"min_value": gettext_lazy("定員は1人以上で入力してください。")},
            "fee_amount": {"min_value": gettext_lazy("参加費は0円以上で入力してください。")},
        }

    def __init__(self, *args, platforms=None, editing: bool = False, importing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if importing:
            # The open-data layout has no fields column: imported events may have none.
            self.fields["fields"].required = False
        self.fields["format"].choices = Event.Format.choices
        self.fields["capacity"].validators.append(
            MinValueValidator(1, message=_("定員は1人以上で入力してください。"))
        )
        self.fields["capacity"].widget.attrs["min"] = 1
        for name, value in (
            ("venue_name", Event.Format.VENUE),
            ("address", Event.Format.VENUE),
            ("municipality", Event.Format.VENUE),
            ("online_url", Event.Format.ONLINE),
        ):
            condition = (
                _("「会場」か「ハイブリッド」のとき必須")
                if value == Event.Format.VENUE
                else _("「オンライン」か「ハイブリッド」のとき必須")
            )
            self.fields[name].required_when = condition
        self.fields["fee_amount"].required_when = _("有料のとき必須")
        self.fields["image_alt"].required_when = _("画像を載せるとき必須")
        self.fields["image_alt"].help_text = _(
            "画像が見えない方に読み上げられます。画像に書かれている日時や内容を文章で。"
        )
        for name, low, high, label in (
            ("lat", 20.0, 46.0, _("緯度")),
            ("lng", 122.0, 154.0, _("経度")),
        ):
            self.fields[name].help_text = _("地図に正しい位置を出したいときだけ（例：35.6812）。")
            self.fields[name].validators += [
                MinValueValidator(
                    low, message=_("%(label)sは日本の範囲で入力してください。") % {"label": label}
                ),
                MaxValueValidator(
                    high, message=_("%(label)sは日本の範囲で入力してください。") % {"label": label}
                ),
            ]
        if editing:
            self.add_version_field()
            del self.fields["platform"]
            if self.instance.pk and not self.is_bound:
                start, end = self.instance.local_start(), self.instance.local_end()
                self.initial.update(
                    start_date=start.date(),
                    start_time=None if self.instance.all_day else start.time(),
                    end_date=end.date(),
                    end_time=None if self.instance.all_day else end.time(),
                    municipality=self.instance.municipality_id,
                    fields=list(self.instance.fields.values_list("slug", flat=True)),
                    audiences=self.instance.audiences,
                    accessibility=self.instance.accessibility,
                    deadline_date=(
                        timezone.localtime(self.instance.apply_deadline).date()
                        if self.instance.apply_deadline
                        else None
                    ),
                )
        else:
            self.fields["platform"].queryset = platforms

    def clean_image_upload(self):
        from kyoso.core.media import reencode_image

        upload = self.cleaned_data.get("image_upload")
        return reencode_image(upload, box=1200, name="image.png") if upload else None

    def clean_description(self):
        text = sanitise(self.cleaned_data.get("description", ""))
        if not text.strip():
            raise forms.ValidationError(_("内容を入力してください。"), code="required")
        return text

    def clean(self):
        data = super().clean()
        start_date, start_time = data.get("start_date"), data.get("start_time")
        end_date, end_time = data.get("end_date") or start_date, data.get("end_time")
        all_day = start_time is None and end_time is None
        if start_date is not None:
            starts = _combine(start_date, start_time)
            ends = _combine(end_date, end_time if not all_day else None, end=True)
            if not all_day and end_time is None and end_date == start_date:
                ends = starts
            if ends is not None and ends < starts:
                self.add_error(
                    "end_time" if end_date == start_date else "end_date",
                    _("終了は開始より後にしてください。"),
                )
            if not self.editing and start_date < timezone.localdate():
                self.add_error("start_date", _("過去の日付のイベントは新しく登録できません。"))
            data["starts_at"], data["ends_at"], data["all_day"] = starts, ends, all_day
            deadline = data.get("deadline_date")
            if deadline is not None and deadline > start_date:
                self.add_error("deadline_date", _("申込締切は開始日までの日にしてください。"))
            data["apply_deadline"] = _combine(deadline, None, end=True) if deadline else None
        fmt = data.get("format")
        if fmt in (Event.Format.VENUE, Event.Format.HYBRID):
            for name, message in (
                ("venue_name", _("会場名を入力してください。")),
                ("address", _("会場の住所を入力してください。")),
                ("municipality", _("会場の市区町村を選んでください。")),
            ):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        online = fmt in (Event.Format.ONLINE, Event.Format.HYBRID)
        if online and not data.get("online_url") and "online_url" not in self.errors:
            self.add_error("online_url", _("オンライン参加の URL を入力してください。"))
        unpriced = not data.get("fee_free") and data.get("fee_amount") in (None, "")
        if unpriced and "fee_amount" not in self.errors:
            self.add_error("fee_amount", _("有料のときは参加費を入力してください。"))
        has_image = data.get("image_upload") or (self.instance.pk and self.instance.image)
        if (
            has_image
            and not (data.get("image_alt") or "").strip()
            and "image_alt" not in self.errors
        ):
            self.add_error("image_alt", _("画像の説明（代替テキスト）を入力してください。"))
        if self.editing and not self.errors:
            self.check_version()
        return data


class StateForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("開催状況"),
        choices=Event.State.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("開催状況を選んでください。")},
    )
    note = forms.CharField(
        label=gettext_lazy("参加予定の方へのお知らせ"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("中止・延期の理由や、延期後の日程が決まっていればその案内。"),
    )

    def clean(self):
        data = super().clean()
        if data.get("state") in (Event.State.CANCELLED, Event.State.POSTPONED) and not data.get(
            "note"
        ):
            self.add_error(
                "note", _("中止・延期のときは、参加予定の方へのお知らせを書いてください。")
            )
        return data


class ImportForm(forms.Form):
    platform = PlatformChoiceField(
        label=gettext_lazy("掲載するプラットフォーム"),
        queryset=None,
        empty_label=gettext_lazy("選択してください"),
        error_messages={"required": gettext_lazy("掲載するプラットフォームを選んでください。")},
    )
    file = forms.FileField(
        label=gettext_lazy("CSV ファイル"),
        help_text=gettext_lazy(
            "自治体標準オープンデータセット「イベント一覧」の形式"
            "（UTF-8 または Shift_JIS、2MBまで）。"
        ),
        error_messages={
            "required": gettext_lazy("CSV ファイルを選んでください。"),
            "empty": gettext_lazy("ファイルが空です。"),
        },
    )

    def __init__(self, *args, platforms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platform"].queryset = platforms

    def clean_file(self):
        from .imports import read

        upload = self.cleaned_data["file"]
        raw = upload.read(2 * 1024 * 1024 + 1)
        try:
            self.rows = read(raw)
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None
        self.text = raw
        return upload


class ApplicationForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("お名前"),
        max_length=100,
        error_messages={"required": gettext_lazy("お名前を入力してください。")},
    )
    email = forms.EmailField(
        label=gettext_lazy("メールアドレス"),
        required=False,
        help_text=gettext_lazy("確認のメールと、キャンセルのためのリンクをお送りします。"),
        error_messages={"invalid": gettext_lazy("メールアドレスの形式が正しくありません。")},
    )
    phone = forms.CharField(
        label=gettext_lazy("電話番号"),
        max_length=30,
        required=False,
        help_text=gettext_lazy("メールアドレスがない方は、電話番号を入力してください。"),
    )
    party_size = forms.IntegerField(
        label=gettext_lazy("人数"),
        min_value=1,
        max_value=10,
        initial=1,
        error_messages={
            "required": gettext_lazy("人数を入力してください。"),
            "min_value": gettext_lazy("人数は1人以上にしてください。"),
            "max_value": gettext_lazy("1回の申し込みは10人までです。"),
            "invalid": gettext_lazy("人数は数字で入力してください。"),
        },
    )
    needs = forms.CharField(
        label=gettext_lazy("配慮してほしいこと"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("車椅子、手話通訳、筆談など。主催者だけが見ます。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One of the two is needed: say so beside both instead of ※任意 and a surprise error.
        for name in ("email", "phone"):
            self.fields[name].required_when = _("メールアドレスか電話番号のどちらかが必須")

    def clean_phone(self):
        import re

        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not re.fullmatch(r"[0-9０-９+()（）\- ー－]{6,30}", phone):
            raise forms.ValidationError(_("電話番号は数字とハイフンで入力してください。"))
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("メールアドレスか電話番号のどちらかを入力してください。"))
        return data


class MailApplicantsForm(forms.Form):
    subject = forms.CharField(
        label=gettext_lazy("件名"),
        max_length=120,
        error_messages={"required": gettext_lazy("件名を入力してください。")},
    )
    body = forms.CharField(
        label=gettext_lazy("本文"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": gettext_lazy("本文を入力してください。")},
    )
