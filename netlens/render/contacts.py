"""A keep-in-touch plan as a contacts file that Google Contacts or HubSpot imports.

The two want different headers, and each maps only its own without help, so there is a
style per importer (:data:`STYLES`):

- ``google``: the headers of Google Contacts' own CSV ("Google CSV" export): first and last
  name, ``E-mail 1 - Value``, ``Organization Name`` and ``Title``, the profile as
  ``Website 1``, ``Notes`` (why now and the opening line) and ``Labels`` — the contacts
  land under the label "netlens plan";
- ``hubspot``: the labels of HubSpot's default contact properties — First Name, Last Name,
  Email, Company Name, Job Title, Website URL — which its import matches by name; HubSpot
  has no default property for notes or tags, so "netlens notes" and "netlens label" are
  offered as new properties (or can be skipped).

One row per person; cells a spreadsheet would run as a formula are neutralised
(:func:`netlens.output.csv_text`).
"""

from __future__ import annotations

from typing import Any

from netlens.output import csv_text

__all__ = ["LABEL", "STYLES", "render_contacts"]

LABEL = "netlens plan"
STYLES = {
    "google": [
        "First Name", "Last Name", "E-mail 1 - Label", "E-mail 1 - Value",
        "Organization Name", "Organization Title", "Website 1 - Label", "Website 1 - Value",
        "Notes", "Labels",
    ],
    "hubspot": [
        "First Name", "Last Name", "Email", "Company Name", "Job Title", "Website URL",
        "netlens notes", "netlens label",
    ],
}  # fmt: skip


def render_contacts(result: dict[str, Any], *, style: str = "google") -> str:
    """The people of the plan ``result`` (:func:`netlens.analyze.plan.plan`) as CSV with
    the headers of ``style`` (a key of :data:`STYLES`)."""
    rows = []
    for entry in result["entries"]:
        url = f"https://www.{entry['url']}" if entry["url"] else ""
        email = entry["email"] or ""
        when = (
            f"every {entry['every_months']} months from {entry['due']}"
            if entry["every_months"]
            else entry["due"]
        )
        note = f"{when}: {'; '.join(entry['reasons'])}. Opening: {entry['opening']}"
        first, last = entry["first_name"], entry["last_name"]
        company, title = entry["company"], entry["position"] or ""
        if style == "google":
            rows.append(
                [first, last, "Work" if email else "", email, company, title,
                 "LinkedIn" if url else "", url, note, LABEL]
            )  # fmt: skip
        else:
            rows.append([first, last, email, company, title, url, note, LABEL])
    return csv_text(STYLES[style], rows)
