"""Read queries for platform pages."""

from kyoso.regions.models import REGION_BLOCKS

from .models import Platform, PlatformRole


def platforms_by_block() -> list[dict]:
    """The 47 prefectural platforms grouped by regional block, for the national home."""
    platforms = list(Platform.objects.prefectural().select_related("prefecture"))
    return [
        {
            "slug": slug,
            "label": label,
            "platforms": [p for p in platforms if int(p.prefecture.code) in codes],
        }
        for slug, label, codes in REGION_BLOCKS
    ]


def platform_roles(*, platform: Platform | None = None):
    qs = PlatformRole.objects.select_related("user", "platform__prefecture", "granted_by")
    if platform is not None:
        qs = qs.filter(platform=platform)
    return qs
