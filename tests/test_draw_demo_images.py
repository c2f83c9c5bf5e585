"""tools/draw_demo_images.py: draws what product files ask for, refuses paths outside products/."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

TOOL = Path(__file__).parent.parent / "tools" / "draw_demo_images.py"

PRODUCT = """\
id: mat-ong-thu
name: Mật ong thử
group: thuc-pham
category: mat-ong-nong-san
images:
  - {src: images/mat-ong-thu/1.jpg, alt: Hũ mật ong}
  - {src: images/mat-ong-thu/2.png, alt: Bánh sáp ong}
  - {src: /etc/absolute.jpg, alt: tuyệt đối}
  - {src: ../outside.jpg, alt: ra ngoài}
"""


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_demo_images", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_draws_missing_pictures_and_refuses_outside_paths(tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "products").mkdir()
    (tmp_path / "products" / "mat-ong-thu.yaml").write_text(PRODUCT, encoding="utf-8")
    assert tool.main([str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "2 pictures written" in out
    assert "absolute" in err and "leaves the products folder" in err
    assert not (tmp_path / "outside.jpg").exists()
    with Image.open(tmp_path / "products" / "images" / "mat-ong-thu" / "1.jpg") as jpeg:
        assert (jpeg.format, jpeg.size, "exif" in jpeg.info) == ("JPEG", (2000, 1500), False)
    with Image.open(tmp_path / "products" / "images" / "mat-ong-thu" / "2.png") as png:
        assert png.format == "PNG" and png.mode in {"P", "RGBA"}
    assert (tmp_path / "products" / "images" / "mat-ong-thu" / "2.png").stat().st_size < tool.PNG_LIMIT
    tool.main([str(tmp_path)])
    assert "0 pictures written" in capsys.readouterr().out


def test_seed_and_sizes_are_stable(tool: ModuleType) -> None:
    assert tool.stable_seed("tra", 1) == tool.stable_seed("tra", 1) != tool.stable_seed("tra", 2)
    assert [tool.SIZES[i % 3] for i in range(4)] == [(2000, 1500), (1500, 2000), (1600, 1200), (2000, 1500)]
