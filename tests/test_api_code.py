"""POST /api/code with the real coder (the session fixture): the events match the CLI's."""

from __future__ import annotations

from eventcoder.serve import create_app
from eventcoder.store import Store

from .conftest import EXAMPLE
from .test_api import Client


def test_api_code_codes_a_story_like_the_pipeline(tmp_path, coder, example_events):
    db = tmp_path / "events.duckdb"
    with Store.open(db) as store:
        _key, token = store.create_api_key(name="test")
    client = Client(create_app(db, static_dir=None, coder_factory=lambda: coder,
                               reader_linger=0))
    title, body = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)
    response = client.post("/api/code", headers={"X-API-Key": token}, json={
        "title": title, "text": body.strip("\n"), "date": "2019-05-23", "store": True})
    assert response.status_code == 200, response.text
    answer = response.json()
    _article, expected = example_events
    got = [(e["event_type"], e["cameo"], e["sentence_index"], e["trigger"]["text"])
           for e in answer["events"]]
    assert got == [(e.event_type, e.cameo, e.sentence_index, e.trigger.text) for e in expected]
    assert answer["stored"] is True and got
    first = answer["events"][0]
    detail = client.get(f"/api/events/{first['id']}").json()
    roles = {h["role"]: detail["sentence"][h["start"]:h["end"]] for h in detail["highlights"]}
    assert roles["trigger"] == first["trigger"]["text"]
