"""factory_boy factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from kyoso.accounts.models import User
from kyoso.moderation.models import Status
from kyoso.news.models import Notice
from kyoso.platforms.models import Platform, PlatformRole

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test accounts only


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.jp")
    display_name = factory.Sequence(lambda n: f"利用者{n}")
    persona = User.Persona.RESIDENT

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def give_mfa(user: User) -> User:
    """Staff pages need TOTP; tests stand in an authenticator record."""
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
    )
    return user


def grant(user: User, platform: Platform, role: str) -> User:
    PlatformRole.objects.create(user=user, platform=platform, role=role)
    return give_mfa(user)


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    title = factory.Sequence(lambda n: f"お知らせ{n}")
    body = "本文です。"
    platform = factory.LazyFunction(lambda: Platform.objects.national())
    submitted_by = factory.SubFactory(UserFactory)
    status = Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )
        pending = factory.Trait(
            status=Status.PENDING, submitted_at=factory.LazyFunction(timezone.now)
        )


def make_organisation(
    *,
    platform=None,
    name="NPO法人みまもりネット",
    kana="みまもりねっと",
    kind="npo",
    scale="municipality",
    fields=("watching-over",),
    area="municipalities",
    prefectures=(),
    municipalities=("131016",),
    status=None,
    description="高齢者の見守り活動をしています。",
    **extra,
):
    """An organisation with its relations and region keys, indexed when published."""
    from kyoso.directory.actions import refresh_region_keys
    from kyoso.directory.models import Organisation
    from kyoso.regions.models import Field
    from kyoso.search.engine import index_object

    org = Organisation.objects.create(
        platform=platform or Platform.objects.national(),
        name=name,
        name_kana=kana,
        kind=kind,
        scale=scale,
        area_kind=area,
        description=description,
        private_contact="秘密の連絡先 090-0000-0000",
        status=status or Status.PUBLISHED,
        published_at=timezone.now(),
        **extra,
    )
    org.fields.set(Field.objects.filter(slug__in=fields))
    org.area_prefectures.set(prefectures)
    org.area_municipalities.set(municipalities)
    refresh_region_keys(org)
    index_object(org)
    return org
