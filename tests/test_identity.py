import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netlens.identity import normalize_name, normalize_url
from netlens.loader.identity import PeopleIndex


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/sam-ortiz",
        "https://WWW.LinkedIn.com/in/Sam-Ortiz/",
        "http://linkedin.com/in/sam-ortiz?trk=public_profile",
        "www.linkedin.com/in/sam-ortiz",
        "linkedin.com/in/sam-ortiz/",
        "https://uk.linkedin.com/in/sam-ortiz#about",
        "  https://www.linkedin.com/in/sam-ortiz  ",
    ],
)
def test_every_spelling_of_a_profile_url_is_one_key(url):
    assert normalize_url(url) == "linkedin.com/in/sam-ortiz"


def test_percent_encoding_is_decoded():
    encoded = "https://www.linkedin.com/in/%C3%A9lodie-durand-12ab"
    assert normalize_url(encoded) == "linkedin.com/in/élodie-durand-12ab"
    assert normalize_url("https://www.linkedin.com/in/%E7%8E%8B%E8%8A%B3") == "linkedin.com/in/王芳"


@pytest.mark.parametrize("value", [None, "", "   ", "urn:li:fsd_profile:ACoAAB1x2y3"])
def test_no_url(value):
    assert normalize_url(value) is None


def test_name_folding():
    assert normalize_name("  José \tMüller ") == "jose muller"
    assert normalize_name("ZOË O'Brien") == "zoe obrien"
    assert normalize_name("Søren Łukasz") == "soren lukasz"
    assert normalize_name("王芳") == "王芳"
    assert normalize_name("") == ""


def test_people_index_matches_by_url_else_by_unique_name():
    people = pd.DataFrame(
        {
            "person_id": ["linkedin.com/in/a", "name:john smith", "name:john smith#2", "name:li"],
            "url": ["linkedin.com/in/a", None, None, None],
            "name_key": ["ann lee", "john smith", "john smith", "li"],
        }
    )
    index = PeopleIndex(people)
    urls = pd.Series(["https://www.linkedin.com/in/A/", "", "", "", "linkedin.com/in/zz"])
    names = pd.Series(["Someone Else", "John Smith", "Li", "Ann Lee", "Ann Lee"])
    matched = index.match(urls, names).tolist()
    # by URL; namesakes are ambiguous; unique name; unique name; a URL that is nobody's
    assert matched[0] == "linkedin.com/in/a"
    assert pd.isna(matched[1])
    assert matched[2] == "name:li"
    assert matched[3] == "linkedin.com/in/a"
    assert pd.isna(matched[4])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=30))
def test_folding_many_texts_together_is_folding_each_alone(texts):
    """fold_all joins texts by line breaks to run its patterns once: no text's folding may
    reach into its neighbour's, whatever characters they hold."""
    import netlens.folding as folding

    folding._FOLDED.clear()
    together = folding.fold_all(texts)
    alone = []
    for text in texts:
        folding._FOLDED.clear()
        alone.append(folding.fold(text))
    assert together == alone
    assert all("\n" not in folded and folded == folded.strip() for folded in together)


def test_the_lookup_and_folding_examples_hold():
    import doctest

    import netlens.folding
    import netlens.lookup

    for module in (netlens.lookup, netlens.folding):
        failed, tried = doctest.testmod(module)
        assert tried and not failed
