"""`in_search`: another saved search's rules compiled inline. It must be one the same user may use;
a search may not come back to itself; nesting is limited, and so is the size once expanded."""

from typing import Any

import pytest

from groundswell.people.models import Tag
from groundswell.searches.compiler import MAX_COMPILED_RULES
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import matching
from groundswell.searches.references import MAX_SEARCH_NESTING
from groundswell.searches.tests.fixtures import Movement, names, saved

pytestmark = pytest.mark.django_db
EMAIL = {"filter": "consent", "channel": "email"}


def uses(search_id: int) -> dict[str, Any]:
    return {"filter": "in_search", "search": search_id}


def test_in_search_matches_what_the_other_search_matches(movement: Movement) -> None:
    tag = Tag.objects.create(name="steward")
    movement.ada.tags.add(tag)
    movement.cal.tags.add(tag)
    movement.cal.email_consent = True
    movement.cal.save()
    stewards = saved(movement.national, {"filter": "tag", "tag": tag.pk})
    both = {"all": [uses(stewards.pk), EMAIL]}
    assert names(matching(movement.national, both)) == {"Cal"}
    assert names(matching(movement.national, {"not": uses(stewards.pk)})) >= {"Bea"}
    assert "Ada" not in names(matching(movement.national, {"not": uses(stewards.pk)}))


def test_a_search_another_user_keeps_private_is_refused(movement: Movement) -> None:
    private = saved(movement.organiser_b, EMAIL, name="Otto's own")
    with pytest.raises(DefinitionError, match=f"Saved search {private.pk} does not exist or is"):
        matching(movement.organiser_a, uses(private.pk))


def test_a_search_shared_with_a_group_i_organise_may_be_used(movement: Movement) -> None:
    movement.ada.email_consent = True
    movement.ada.save()
    shared = saved(movement.organiser_b, EMAIL, name="Shared", group=movement.group_a)
    assert names(matching(movement.organiser_a, uses(shared.pk))) == {"Ada"}


def test_the_used_search_is_checked_against_the_user_running_it(movement: Movement) -> None:
    # Shared with group A, but it names group B, which organiser A may not use.
    shared = saved(
        movement.organiser_b,
        {"filter": "group", "group": movement.group_b.pk},
        group=movement.group_a,
    )
    with pytest.raises(DefinitionError, match="Group .* does not exist or is not one you may use"):
        matching(movement.organiser_a, uses(shared.pk))


def test_a_search_that_would_use_itself_is_refused(movement: Movement) -> None:
    first = saved(movement.national, EMAIL, name="First")
    second = saved(movement.national, uses(first.pk), name="Second")
    with pytest.raises(DefinitionError, match="refers back to itself"):
        matching(movement.national, uses(second.pk), search_id=first.pk)
    with pytest.raises(DefinitionError, match="refers back to itself"):
        matching(movement.national, uses(first.pk), search_id=first.pk)


def test_a_cycle_already_stored_is_named_not_followed_forever(movement: Movement) -> None:
    first = saved(movement.national, EMAIL, name="First")
    second = saved(movement.national, uses(first.pk), name="Second")
    first.definition = uses(second.pk)
    first.save()
    with pytest.raises(
        DefinitionError, match="The saved search “(First|Second)” refers back to itself"
    ):
        matching(movement.national, uses(first.pk))


def test_nesting_deeper_than_the_limit_is_refused(movement: Movement) -> None:
    search = saved(movement.national, EMAIL)
    for _ in range(MAX_SEARCH_NESTING - 1):
        search = saved(movement.national, uses(search.pk))
    assert matching(movement.national, uses(search.pk)).count() >= 0  # at the limit: fine
    deeper = saved(movement.national, uses(search.pk))
    with pytest.raises(DefinitionError, match=f"at most {MAX_SEARCH_NESTING} deep"):
        matching(movement.national, uses(deeper.pk))


def test_a_longer_chain_hidden_behind_a_shortcut_is_still_refused(movement: Movement) -> None:
    chain = [saved(movement.national, EMAIL)]
    for _ in range(MAX_SEARCH_NESTING):
        chain.append(saved(movement.national, uses(chain[-1].pk)))
    # Top uses every link directly, so all load at the first level; the chain is still too long.
    top = {"all": [uses(link.pk) for link in chain]}
    with pytest.raises(DefinitionError, match="deep"):
        matching(movement.national, top)


def test_searches_repeated_inside_each_other_cannot_explode_the_query(movement: Movement) -> None:
    base = saved(movement.national, {"any": [EMAIL] * 150})
    wide = saved(movement.national, {"any": [uses(base.pk)] * 150})
    with pytest.raises(DefinitionError, match=f"more than {MAX_COMPILED_RULES} rules"):
        matching(movement.national, uses(wide.pk))


def test_a_used_search_whose_stored_rules_are_broken_is_named(movement: Movement) -> None:
    broken = saved(movement.national, {"filter": "tag", "tag": "x"}, name="Broken")
    with pytest.raises(DefinitionError, match="The saved search “Broken” cannot be used"):
        matching(movement.national, uses(broken.pk))
