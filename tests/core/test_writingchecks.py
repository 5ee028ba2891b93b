"""The accessibility checks on what editors write: what each finds, and what it leaves alone."""

import time

import pytest

from core.writingchecks import LONG_PARAGRAPH_WORDS, MOST_LISTED, QUOTE_LENGTH, Text, check, quote


def problems(markup, heading_above=1):
    """``(quote, problem)`` of each problem found in rich text ``markup``."""
    findings = check([Text.rich("Body", markup, heading_above)])
    return [(found.quote, found.problem) for found in findings.listed]


def quotes(markup, heading_above=1):
    return [found for found, _ in problems(markup, heading_above)]


def test_clean_text_has_no_problems():
    body = (
        "<h2>Why babies cry</h2><p>Crying is how your baby talks to you.</p>"
        "<h3>At night</h3><p>Call NHS 111 or your GP if you are worried. PND is common.</p>"
        '<h2>Help</h2><p>Read <a href="https://www.nhs.uk/">the NHS guide to crying</a>.</p>'
    )

    findings = check([Text.rich("Body", body), Text.plain("Summary", "Why babies cry.")])

    assert findings.total == 0
    assert findings.listed == []


def test_a_skipped_heading_level_is_found_with_the_level_to_use():
    findings = check([Text.rich("Body", "<h2>Sleep</h2><h4>Naps</h4><h3>Nights</h3>")])

    [problem] = findings.listed
    assert (problem.where, problem.quote) == ("Body", "Naps")
    assert "Heading 4 comes after a Heading 2" in problem.problem
    assert "Make it a Heading 3" in problem.fix


def test_a_body_starting_below_heading_2_skips_the_page_title():
    [(found, problem)] = problems("<h3>Sleep</h3><p>Words.</p>")

    assert found == "Sleep"
    assert "after a Heading 1 (the heading above this text on the page)" in problem


def test_headings_are_compared_with_the_heading_above_the_field_on_the_page():
    # A help entry sits under its name, a Heading 3.
    assert problems("<h4>When</h4>", heading_above=3) == []
    assert quotes("<h4>When</h4>", heading_above=1) == ["When"]


def test_going_back_up_a_level_is_fine():
    assert problems("<h2>A</h2><h3>B</h3><h4>C</h4><h2>D</h2><h3>E</h3>") == []


@pytest.mark.parametrize(
    "words", ["click here", "Click here.", "here", "this link", "Read more…", "more", "More »"]
)
def test_link_words_that_do_not_say_where_they_go_are_found(words):
    [(found, problem)] = problems(f'<p>For help <a href="https://example.org/">{words}</a></p>')

    assert found == words
    assert "do not say where the link goes" in problem


def test_link_words_are_judged_as_a_whole():
    body = '<p><a href="https://example.org/">more about sleep here</a></p>'

    assert problems(body) == []


@pytest.mark.parametrize("address", ["https://www.nhs.uk/conditions/", "www.nhs.uk"])
def test_a_web_address_as_link_words_is_found(address):
    [(found, problem)] = problems(f'<p><a href="https://www.nhs.uk/">{address}</a></p>')

    assert found == address
    assert "web address" in problem


def test_a_link_with_no_words_is_found():
    [(found, problem)] = problems('<p>Help <a href="https://example.org/"> </a></p>')

    assert found == "https://example.org/"
    assert "no words" in problem


def test_words_in_capitals_are_found():
    body = "<p>Please <strong>DO NOT</strong> SHAKE your baby. Call 999.</p>"

    [(found, problem)] = problems(body)

    assert found == "DO NOT SHAKE"
    assert "capitals" in problem


@pytest.mark.parametrize(
    "sentence",
    [
        "Call NHS 111 or see your GP.",
        "Talk to your GP about PND.",
        "Ring NHS 111 or 999.",
        "I said OK to the GP.",
    ],
)
def test_short_acronyms_and_numbers_are_not_capitals(sentence):
    assert problems(f"<p>{sentence}</p>") == []


def test_numbers_inside_a_run_of_capitals_do_not_break_it():
    assert quotes("<p>CALL 999 RIGHT NOW if your baby is floppy.</p>") == ["CALL 999 RIGHT NOW"]


def test_plain_text_is_checked_for_capitals_and_length():
    findings = check([Text.plain("Introduction", "WHEN YOUR BABY CRIES <b>at night</b>.")])

    [problem] = findings.listed
    assert (problem.where, problem.quote) == ("Introduction", "WHEN YOUR BABY CRIES")


def test_a_long_paragraph_is_found_with_its_length():
    long = " ".join(["word"] * (LONG_PARAGRAPH_WORDS + 1))

    [(found, problem)] = problems(f"<p>{long}</p><p>{long[:50]}</p>")

    assert found.endswith("…")
    assert f"{LONG_PARAGRAPH_WORDS + 1} words long" in problem


def test_a_paragraph_at_the_limit_is_fine():
    assert problems("<p>" + " ".join(["word"] * LONG_PARAGRAPH_WORDS) + "</p>") == []


def test_plain_text_typed_before_the_editor_is_read_in_paragraphs():
    short = " ".join(["word"] * 60)

    assert problems(f"{short}\n\n{short}") == []
    assert len(problems(f"{short} {short}")) == 1


def test_pictures_without_alt_text_are_found_if_the_sanitiser_ever_keeps_them():
    # core.richtext removes pictures on save, so this reads the HTML as given.
    findings = check(
        [Text("Body", '<p><img src="/cot.jpg"><img src="/cot.jpg" alt=""><img alt="A cot"></p>')]
    )

    [problem] = findings.listed
    assert problem.quote == "/cot.jpg"
    assert "no description" in problem.problem


def test_pictures_are_removed_by_the_sanitiser_so_rich_text_never_has_them():
    assert problems('<p>Look <img src="/cot.jpg"></p>') == []


def test_tables_without_header_cells_are_found_if_the_sanitiser_ever_keeps_them():
    without = "<table><tr><td>Age</td><td>Sleep</td></tr></table>"
    with_headers = "<table><tr><th>Age</th></tr><tr><td>1</td></tr></table>"

    findings = check([Text("Body", without + with_headers)])

    [problem] = findings.listed
    assert problem.quote == "Age"
    assert "no header cells" in problem.problem


def test_each_problem_says_where_it_is_and_how_to_fix_it():
    findings = check(
        [
            Text.plain("Summary", "Fine."),
            Text.rich("Tip 2: What to try", '<p><a href="https://a.example/">here</a></p>', 3),
        ]
    )

    [problem] = findings.listed
    assert problem.where == "Tip 2: What to try"
    assert problem.fix.startswith("Use link words that say where it goes")


def test_quotes_are_short_and_keep_whole_words():
    text = "Sleep " * 30

    short = quote(text)

    assert len(short) <= QUOTE_LENGTH + 1
    assert short == ("Sleep " * 10).strip() + "…"
    assert quote("  A   short\nquote ") == "A short quote"


def test_broken_html_is_read_without_failing():
    body = "</p></li><h2>Open<p>DO NOT EVER STOP <a href='x'>here<li></h4></a></table>"

    findings = check([Text("Body", body)])

    assert [problem.quote for problem in findings.listed] == ["here", "DO NOT EVER STOP"]


def test_huge_input_lists_a_few_problems_counts_them_all_and_is_quick():
    links = '<a href="https://example.org/">click here</a> ' * 40_000
    body = "<p>Short.</p>" * 20_000 + f"<p>{links}</p>" + "<h2>A</h2><h4>B</h4>" * 5_000

    started = time.perf_counter()
    findings = check([Text.rich("Body", body)])
    elapsed = time.perf_counter() - started

    # Every link, the long paragraph, and every skipped heading.
    assert findings.total == 40_000 + 1 + 5_000
    assert len(findings.listed) == MOST_LISTED
    assert elapsed < 5
