"""scripts/hooks/site.py, and the search hook: Material's search plugin unhooked, each index written once."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import DictLoader, Environment

from hooks import search as search_hook
from hooks import site
from sitelib import searchindex
from sitelib.templatecache import SharedBytecodeCache


def test_second_environment_reuses_the_compiled_template(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = SharedBytecodeCache()
    loader = DictLoader({"page.html": "<h1>{{ title }}</h1>"})
    first = Environment(loader=loader, bytecode_cache=cache)
    assert first.get_template("page.html").render(title="zh") == "<h1>zh</h1>"

    second = Environment(loader=loader, bytecode_cache=cache)  # what the next language's build gets
    monkeypatch.setattr(second, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert second.get_template("page.html").render(title="en") == "<h1>en</h1>"


def test_edited_template_is_compiled_again() -> None:
    cache = SharedBytecodeCache()
    sources = {"page.html": "old {{ x }}"}
    Environment(loader=DictLoader(sources), bytecode_cache=cache).get_template("page.html")
    sources["page.html"] = "new {{ x }}"
    env = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert env.get_template("page.html").render(x=1) == "new 1"


def test_on_env_installs_the_shared_cache_once() -> None:
    env = Environment()
    assert site.on_env(env, None, None).bytecode_cache is site.state.templates
    other = Environment(bytecode_cache=SharedBytecodeCache())
    assert site.on_env(other, None, None).bytecode_cache is not site.state.templates  # left as configured


class Plugins(dict):
    def __init__(self, stock: object | None) -> None:
        super().__init__({"material/search": stock} if stock else {})
        self.events = {"page_context": [], "post_build": []}


def test_material_search_is_taken_off_page_and_post_build_events() -> None:
    class Stock:
        def on_page_context(self) -> None: ...
        def on_post_build(self) -> None: ...

    def hook_handler() -> None: ...

    stock = Stock()
    plugins = Plugins(stock)
    plugins.events["page_context"] += [stock.on_page_context, hook_handler]
    plugins.events["post_build"] += [stock.on_post_build, hook_handler]
    search_hook.on_config(SimpleNamespace(plugins=plugins))
    assert plugins.events == {"page_context": [hook_handler], "post_build": [hook_handler]}


def test_without_material_search_nothing_is_removed() -> None:
    def hook_handler() -> None: ...

    plugins = Plugins(None)
    plugins.events["page_context"].append(hook_handler)
    search_hook.on_config(SimpleNamespace(plugins=plugins))
    assert plugins.events["page_context"] == [hook_handler]


def test_each_language_index_is_written_once_per_build(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """static-i18n runs the English build inside the Chinese post-build step, so the hook's post-build
    runs twice and sees both languages each time: each index is written once, the Chinese one while
    the English pages are rendered, and the build's last step has waited for both."""
    written: list[str] = []

    class Done:   # stands in for the worker process: runs the task at once
        def __init__(self, result: tuple[int, float]) -> None:
            self._result = result

        def result(self) -> tuple[int, float]:
            return self._result

        def cancel(self) -> bool:
            return False

    def submit(task, out, pages):
        written.append(out.name)
        return Done((0, 0.0))

    monkeypatch.setattr(search_hook.buildpool, "submit", submit)
    i18n = SimpleNamespace(building=False)

    def config(lang: str) -> SimpleNamespace:
        return SimpleNamespace(theme={"language": lang}, site_dir=str(tmp_path), plugins={"i18n": i18n})

    engine = tmp_path / search_hook.ENGINE   # the post-build step writes the index format into it
    engine.parent.mkdir(parents=True)
    engine.write_text(f"var FORMAT={searchindex.ENGINE_PLACEHOLDER};", encoding="utf-8")

    page = SimpleNamespace(url="x/", meta={})
    search_hook.on_pre_build(config("zh"))
    search_hook.on_page_content("<h1 id='x'>X</h1>", page, config("zh"), None)
    i18n.building = True                      # static-i18n's post-build starts the English build
    search_hook.on_pre_build(config("en"))
    search_hook.wait_for_writes()
    assert written == ["zh"]                  # queued as soon as the English build began
    search_hook.on_page_content("<h1 id='x'>X</h1>", page, config("en"), None)
    search_hook.on_post_build(config("en"))   # inner step: queues English, does not wait
    i18n.building = False
    search_hook.on_post_build(config("zh"))   # outer step: waits
    assert not search_hook.state.writing
    search_hook.on_shutdown()
    assert written == ["zh", "en"]
