"""Bodies, units and development plans as data: ids, codes, texts in each language as typed (no
fallback), kinds as codes with their label in the request's language."""
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jospar.orgs.models import BodyKind, OrgUnit, Region, StateBody
from jospar.planning.models import DevelopmentPlan


class BodySerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=BodyKind.choices, help_text="central, committee, regional_akimat or "
                                                                       "local_akimat.")
    kind_label = serializers.CharField(source="get_kind_display", help_text="The kind in the request's language.")
    region = serializers.ChoiceField(choices=[("", ""), *Region.choices],
                                     help_text="Where the body sits; empty for a central body of the whole republic.")
    region_label = serializers.CharField(source="get_region_display", help_text="The region in the request's language.")
    # a declared field: the metaclass moves it off the class, so it never hides Field.parent
    parent: serializers.Field = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code", read_only=True, allow_null=True,
        help_text="The code of the body it stands under (a committee's central body, a district akimat's regional "
                  "one), or null.")

    class Meta:
        model = StateBody
        fields = ["id", "code", "kind", "kind_label", "region", "region_label", "parent", "name_kk", "name_ru",
                  "name_en", "title_name_kk", "title_name_ru", "time_zone"]
        extra_kwargs = {
            "title_name_kk": {"help_text": "The name as it stands in the titles of Form 1 and Form 2 (genitive)."},
            "title_name_ru": {"help_text": "The name as it stands in the titles of Form 1 and Form 2 (genitive)."},
        }


class UnitSerializer(serializers.ModelSerializer):
    body: serializers.Field = serializers.SlugRelatedField(slug_field="code", read_only=True,
                                                           help_text="The code of its state body.")
    kind = serializers.ChoiceField(choices=OrgUnit.Kind.choices,
                                   help_text="unit (a structural unit) or subordinate (a subordinate organisation).")
    kind_label = serializers.CharField(source="get_kind_display", help_text="The kind in the request's language.")
    is_planning = serializers.BooleanField(help_text="The unit responsible for planning and monitoring (the "
                                                     "planners' unit); one per body.")
    active = serializers.BooleanField(source="is_active", help_text="An inactive unit is no longer chosen as an "
                                                                    "executor; its past events keep it.")
    position = serializers.IntegerField(help_text="Its place in the body's lists (structural units first).")

    class Meta:
        model = OrgUnit
        fields = ["id", "code", "body", "kind", "kind_label", "name_kk", "name_ru", "name_en", "is_planning",
                  "active", "position"]


# --- development plans: the edition's header, and its tree as Form 1 numbers it


class EditionSerializer(serializers.ModelSerializer):
    body: serializers.Field = serializers.SlugRelatedField(slug_field="code", read_only=True,
                                                           help_text="The code of its state body.")
    years = serializers.SerializerMethodField(help_text="Every year the edition covers, year_from to year_to.")
    operational_plan_years = serializers.SerializerMethodField(
        help_text="Years of the body's operational plans built on this edition.")
    approved_years = serializers.SerializerMethodField(
        help_text="Years whose approved operational plan version stands on this edition: while any, the edition "
                  "stays as it was signed (read-only).")

    class Meta:
        model = DevelopmentPlan
        fields = ["id", "body", "title_kk", "title_ru", "title_en", "year_from", "year_to", "years", "edition",
                  "signed_on", "document_number", "operational_plan_years", "approved_years"]

    def get_years(self, plan) -> list[int]:
        return list(range(plan.year_from, plan.year_to + 1))

    def get_operational_plan_years(self, plan) -> list[int]:
        return sorted(p.year for p in plan.operational_plans.all())  # prefetched

    def get_approved_years(self, plan) -> list[int]:
        return self.context["approved_years"].get(plan.pk, [])


class Texts(serializers.Serializer):
    """The row's own fields: its id, name in each language as typed, and the official heading."""

    id = serializers.IntegerField()
    number = serializers.CharField(help_text="The official number Form 1 shows, derived from the order: a "
                                             "direction's «2», a goal's «1.2», a macroindicator's «1» within its "
                                             "direction, a target indicator's «3» within its goal, a task's «4».")
    heading = serializers.CharField(help_text="The official heading in the request's language, as Form 1 words it "
                                              "(«Цель 1.2», «1-стратегиялық бағыт»); a Section II task's is its "
                                              "number.")
    position = serializers.IntegerField(help_text="The order among its siblings.")
    name_kk = serializers.CharField()
    name_ru = serializers.CharField()
    name_en = serializers.CharField()


class AnchorRow(Texts):
    """A row events hang on."""

    anchor = serializers.CharField(help_text="The key an event names it by: m:<id>, t:<id> or r:<id>.")
    anchor_code = serializers.CharField(help_text="Unique in the edition: «M1.2» (macroindicator 2 of direction "
                                                  "1), «T1.2.1» (target indicator 1 of goal 1.2), «II.4» (task 4).")
    code = serializers.CharField(help_text="The code typed for it, if any.")


class YearValue(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=18, decimal_places=4, help_text="The planned value, exact.")


class ActualValue(serializers.Serializer):
    year = serializers.IntegerField()
    quarter = serializers.IntegerField(help_text="The reporting quarter the value was given with (1–4).")
    final = serializers.BooleanField(help_text="The year's final value (given with the fourth quarter's "
                                               "information); otherwise the value so far or an estimate.")
    value = serializers.DecimalField(max_digits=18, decimal_places=4, help_text="The actual value, exact.")


class Indicator(AnchorRow):
    unit_kk = serializers.CharField(help_text="Unit of measure, in Kazakh.")
    unit_ru = serializers.CharField(help_text="Unit of measure, in Russian.")
    unit_en = serializers.CharField(help_text="Unit of measure, in English.")
    baseline = serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True)
    values = YearValue(many=True, help_text="The planned value of each year that has one, by year.")
    responsible_unit = serializers.IntegerField(allow_null=True, help_text="The id of the unit that reports its "
                                                                           "actual values (null: not named yet).")
    polarity = serializers.ChoiceField(choices=["higher", "lower", "target"],
                                       help_text="Which way is better: higher, lower, or a target to hit.")
    accumulation = serializers.ChoiceField(choices=["cumulative", "period"],
                                           help_text="Whether a value counts from 1 January (cumulative) or is "
                                                     "the level of the period.")
    actuals = ActualValue(many=True, help_text="The actual values its responsible unit submitted, by year and "
                                               "quarter (values of information not yet submitted are left out).")


class Goal(Texts):
    code = serializers.CharField(help_text="The code typed for it, if any.")
    target_indicators = Indicator(many=True)


class Direction(Texts):
    macroindicators = Indicator(many=True)
    goals = Goal(many=True)


class DevelopmentPlanSerializer(EditionSerializer):
    """An edition with its tree: Section I (strategic directions, their macroindicators, their goals with
    their target indicators) and Section II (the regulation's other tasks), in the order and with the
    numbers of Form 1."""

    section1 = serializers.SerializerMethodField(help_text="Section I's heading in the request's language.")
    section2 = serializers.SerializerMethodField(help_text="Section II's heading in the request's language.")
    directions = serializers.SerializerMethodField()
    regulation_tasks = serializers.SerializerMethodField(help_text="Section II: other tasks of the body's "
                                                                   "regulation.")

    class Meta(EditionSerializer.Meta):
        fields = [*EditionSerializer.Meta.fields, "section1", "directions", "section2", "regulation_tasks"]

    def get_section1(self, plan) -> str:
        return self.context["tree"]["section1"]

    def get_section2(self, plan) -> str:
        return self.context["tree"]["section2"]

    @extend_schema_field(Direction(many=True))
    def get_directions(self, plan):
        return Direction(self.context["tree"]["directions"], many=True).data

    @extend_schema_field(AnchorRow(many=True))
    def get_regulation_tasks(self, plan):
        return AnchorRow(self.context["tree"]["tasks"], many=True).data
