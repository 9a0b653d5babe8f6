#!/usr/bin/env python3
"""Regenerates the ONNX critic fixtures of tests/Networks.Tests/Interop (run from this folder):

    /usr/bin/python3 make_fixtures.py

Needs PyTorch (tested with Debian's python3-torch, PyTorch 1.13); the `onnx` package is not needed. Writes
  critic_mlp.onnx     2 -> 8 -> 8 -> 1 ReLU MLP, torch.manual_seed(0), dynamic batch axis
  critic_linear.onnx  f(x) = x_1 (weight [1, 0], bias 0), dynamic batch axis
  critic_conv.onnx    16 inputs viewed as a 1x4x4 image -> Conv2d(1, 2, 3) -> ReLU -> Linear(8, 1), dynamic batch axis
  reference.json      probe points and each model's outputs in float32 (PyTorch, as exported) and in float64
Outputs are float64 numbers written with repr(), so they round-trip exactly.
"""
import json

import torch


def export(model, d, path):
    model.eval()
    torch.onnx.export(model, torch.zeros(3, d), path, input_names=["x"], output_names=["f"],
                      dynamic_axes={"x": {0: "batch"}, "f": {0: "batch"}}, opset_version=13)


class Conv(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 2, 3)
        self.head = torch.nn.Linear(8, 1)

    def forward(self, x):
        h = torch.relu(self.conv(x.view(-1, 1, 4, 4)))
        return self.head(h.flatten(1))


def main():
    torch.manual_seed(0)
    mlp = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.ReLU(), torch.nn.Linear(8, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    linear = torch.nn.Linear(2, 1)
    with torch.no_grad():
        linear.weight.copy_(torch.tensor([[1.0, 0.0]]))
        linear.bias.zero_()
    conv = Conv()
    export(mlp, 2, "critic_mlp.onnx")
    export(linear, 2, "critic_linear.onnx")
    export(conv, 16, "critic_conv.onnx")

    g = torch.Generator().manual_seed(1)
    points2 = (torch.rand(7, 2, generator=g) * 6 - 3).float()
    points16 = torch.rand(5, 16, generator=g).float()
    ref = {}
    for name, model, pts in [("mlp", mlp, points2), ("linear", linear, points2), ("conv", conv, points16)]:
        with torch.no_grad():
            f32 = model(pts).reshape(-1)
            f64 = model.double()(pts.double()).reshape(-1)
            model.float()
        ref[name] = {"points": [float(v) for v in pts.reshape(-1)], "dimension": pts.shape[1],
                     "float32": [float(v) for v in f32], "float64": [float(v) for v in f64]}
    with open("reference.json", "w") as f:
        json.dump(ref, f, indent=1)


if __name__ == "__main__":
    main()
