"""Trains the character CNN that id.parkir.anpr ships (char-cnn.onnx).

Input: the datasets CharModelTrainer exports (-Dtrain.export=DIR): DIR/train.bin and DIR/held.bin,
each "PKCD", count, height, width (big-endian ints), then per image one class byte (0-9, A-Z, 36 =
not a character) and height*width grey bytes (bright character on black, CharFeatures.normalise).
Output: an ONNX model, input 1x48x24 floats in 0..1 (batch N), output N x 37 probabilities.

Needs only Debian's python3-torch and python3-numpy (training only; the server runs the model
with OpenCV's dnn module):
    python3 src/test/python/train_char_cnn.py DIR src/main/resources/id/parkir/anpr/internal/char-cnn.onnx
"""
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def load(path):
    with open(path, "rb") as f:
        magic, n, h, w = struct.unpack(">iiii", f.read(16))
        assert magic == 0x504B4344, "not a Parkir character dataset"
        raw = np.frombuffer(f.read(), dtype=np.uint8).reshape(n, 1 + h * w)
    return raw[:, 1:].reshape(n, 1, h, w).copy(), raw[:, 0].astype(np.int64)


class CharNet(nn.Module):
    """Three conv blocks (16, 32, 64 channels) and two dense layers; 0.2 M weights."""

    def __init__(self, classes=len(CLASSES) + 1):
        super().__init__()
        self.c1 = nn.Conv2d(1, 16, 3, padding=1)
        self.b1 = nn.BatchNorm2d(16)
        self.c2 = nn.Conv2d(16, 32, 3, padding=1)
        self.b2 = nn.BatchNorm2d(32)
        self.c3 = nn.Conv2d(32, 64, 3, padding=1)
        self.b3 = nn.BatchNorm2d(64)
        self.f1 = nn.Linear(64 * 6 * 3, 128)
        self.drop = nn.Dropout(0.3)
        self.f2 = nn.Linear(128, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.b1(self.c1(x))), 2)
        x = F.max_pool2d(F.relu(self.b2(self.c2(x))), 2)
        x = F.max_pool2d(F.relu(self.b3(self.c3(x))), 2)
        x = torch.flatten(x, 1)
        return self.f2(self.drop(F.relu(self.f1(x))))


class WithSoftmax(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return F.softmax(self.net(x), dim=1)


def jitter(x):
    """Shifts of up to 2 px and a random gain: the crops are never centred the same way twice."""
    n = x.shape[0]
    padded = F.pad(x, (2, 2, 2, 2))
    dx, dy = np.random.randint(0, 5, 2)
    x = padded[:, :, dy:dy + x.shape[2], dx:dx + x.shape[3]]
    gain = torch.empty(n, 1, 1, 1).uniform_(0.6, 1.0)
    return x * gain


def accuracy(net, x, y, batch=2048):
    net.eval()
    ok = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            ok += (net(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    return ok / max(1, len(x))


def main(data_dir, out, epochs=int(sys.argv[3]) if len(sys.argv) > 3 else 14):
    torch.manual_seed(7)
    np.random.seed(7)
    torch.set_num_threads(2)
    xs, ys = load(data_dir + "/train.bin")
    # the scenes give far more non-characters than characters: keep one for every two characters
    negative = np.flatnonzero(ys == len(CLASSES))
    positive = np.flatnonzero(ys != len(CLASSES))
    keep = np.concatenate([positive, np.random.permutation(negative)[:len(positive) // 2]])
    xs, ys = xs[keep], ys[keep]
    hx, hy = load(data_dir + "/held.bin")
    x = torch.from_numpy(xs).float() / 255
    y = torch.from_numpy(ys)
    held_x = torch.from_numpy(hx).float() / 255
    held_y = torch.from_numpy(hy)
    print("training images %d (%d not characters), held-out id_chars %d" % (len(y), (y == len(CLASSES)).sum(), len(held_y)))
    net = CharNet()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-4)
    steps = epochs * ((len(y) + 127) // 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    for epoch in range(epochs):
        t0 = time.time()
        net.train()
        perm = torch.randperm(len(y))
        loss_sum = 0.0
        for i in range(0, len(y), 128):
            idx = perm[i:i + 128]
            logits = net(jitter(x[idx]))
            loss = F.cross_entropy(logits, y[idx], label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += loss.item() * len(idx)
        print("epoch %d: loss %.4f, held-out id_chars accuracy %.4f (%.0f s)"
              % (epoch + 1, loss_sum / len(y), accuracy(net, held_x, held_y), time.time() - t0), flush=True)
    net.eval()
    torch.onnx.export(WithSoftmax(net), torch.zeros(1, 1, xs.shape[2], xs.shape[3]), out, opset_version=11,
                      input_names=["char"], output_names=["probabilities"],
                      dynamic_axes={"char": {0: "n"}, "probabilities": {0: "n"}})
    print("wrote", out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
