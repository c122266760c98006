"""Staff views of the geography tables: read-mostly, since they come from data files."""

from django.contrib import admin

from groundswell.geo.models import Constituency, Postcode, PostcodeDistrict


@admin.register(Constituency)
class ConstituencyAdmin(admin.ModelAdmin[Constituency]):
    list_display = ["name", "code", "region", "winner_party", "runner_up_party", "majority_pct"]
    list_filter = ["country", "region", "winner_party"]
    search_fields = ["name", "code", "member_name"]
    exclude = ["boundary"]  # a large GeoJSON blob, no use in a form


@admin.register(PostcodeDistrict)
class PostcodeDistrictAdmin(admin.ModelAdmin[PostcodeDistrict]):
    list_display = ["code", "lat", "lng", "n_postcodes", "constituency"]
    search_fields = ["code"]
    list_select_related = ["constituency"]
    raw_id_fields = ["constituency"]


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin[Postcode]):
    list_display = ["postcode", "lat", "lng", "constituency", "terminated"]
    search_fields = ["=postcode"]
    list_select_related = ["constituency"]
    raw_id_fields = ["constituency"]
    show_full_result_count = False  # counting 2.7 million rows on every page is slow
