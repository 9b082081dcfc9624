"""Kyoso (共創): the MHLW 生活支援共創プラットフォーム, national and prefectural sites."""
