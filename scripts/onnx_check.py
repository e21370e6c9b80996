#!/usr/bin/python3
"""Checks ONNX files with onnx.checker.check_model (full check, with shape inference).

Usage: /usr/bin/python3 scripts/onnx_check.py MODEL.onnx [MODEL.onnx ...]
Needs Debian's python3-onnx (apt-get install python3-onnx). Exit codes: 0 all valid,
1 a model failed the check, 2 onnx is not installed or the arguments are wrong.
"""
import sys

try:
    import onnx
except ImportError:
    print("onnx_check: the Python module 'onnx' is missing; install Debian's python3-onnx "
          "(apt-get install -y python3-onnx) and run this with /usr/bin/python3", file=sys.stderr)
    sys.exit(2)


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
        except Exception as error:  # the checker raises several types; all mean "invalid"
            print(f"{path}: INVALID: {error}")
            failed += 1
            continue
        opsets = ",".join(f"{o.domain or 'ai.onnx'}:{o.version}" for o in model.opset_import)
        outputs = ",".join(o.name for o in model.graph.output)
        print(f"{path}: OK (onnx {onnx.__version__}, ir_version {model.ir_version}, opset {opsets}, "
              f"{len(model.graph.node)} nodes, outputs {outputs})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
