"""Trains the plate line reader that id.parkir.anpr ships (plate-ctc.onnx): a small convolutional
network with a CTC head that reads a whole plate line at once, with no character segmentation.

Training data, all from ../shared/data/plates (never the evaluation sets id_crops_dev,
id_scenes_valid, openalpr_*):
  - id_crops_train: 1,617 crops; the main line's box is the union of the character boxes of
    chars.csv, cut with random margins (what the plate finder's row boxes look like), or the whole
    crop (with its month/year line) now and then;
  - id_scenes_train: the 600 labelled plate boxes of the street scenes, with random margins.
Every sample is distorted anew each epoch (rotation, shear, blur, noise, contrast, polarity), so
the network reads old black plates and new white ones, tight and loose boxes alike; and most of
the crops have most of their characters replaced by real characters cut from other crops (by
chars.csv), so it learns the characters rather than the few hundred label texts.
1 in 12 crops of id_crops_train (by plate text) is held out to report accuracy while training.

Input: one grey image 1x32x128, values 0..1 (batch N). Output: N x 37 x 1 x 32, per column the
probabilities of the CTC blank (index 0) and of "0-9A-Z" (indices 1..36). Only convolutions,
batch norm, ReLU, max pooling and softmax: everything OpenCV's dnn module runs.

Needs Debian's python3-torch, python3-numpy and python3-opencv (training only):
    /usr/bin/python3 src/test/python/train_plate_ctc.py ../../../shared/data/plates \
        src/main/resources/id/parkir/anpr/internal/plate-ctc.onnx
About 25 minutes on 2 cores left to it (80 epochs of 15-20 s; much longer while other builds run).
"""
import csv
import os
import sys
import time
from collections import defaultdict

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLASSES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
H, W = 32, 128
# share of the crops whose characters are replaced by other plates' characters each epoch
SHUFFLED = 0.6


def crops_train(root):
    folder = os.path.join(root, "id_crops_train")
    labels = {r["file"]: r["plate_text"] for r in csv.DictReader(open(os.path.join(folder, "labels.csv")))}
    boxes = defaultdict(list)
    for r in csv.DictReader(open(os.path.join(folder, "chars.csv"))):
        boxes[r["file"]].append((int(r["x"]), int(r["y"]), int(r["w"]), int(r["h"])))
    samples = []
    for name, text in labels.items():
        img = cv2.imread(os.path.join(folder, "images", name), cv2.IMREAD_GRAYSCALE)
        if img is None or name not in boxes:
            continue
        b = boxes[name]
        x0, y0 = min(x for x, _, _, _ in b), min(y for _, y, _, _ in b)
        x1, y1 = max(x + w for x, _, w, _ in b), max(y + h for _, y, _, h in b)
        if len(b) == len(text):
            order = sorted(range(len(b)), key=lambda i: b[i][0])
            samples.append((img, (x0, y0, x1 - x0, y1 - y0), text, "crop", [b[i] for i in order]))
    return samples


class CharPool:
    """Every character of the training crops, by character and plate polarity, to paste into other plates."""

    def __init__(self, crops):
        self.pool = defaultdict(list)
        for img, line, text, _, boxes in crops:
            bright = bright_background(img, line)
            for ch, (x, y, w, h) in zip(text, boxes):
                patch = img[max(0, y):y + h, max(0, x):x + w]
                if patch.shape[0] >= 8 and patch.shape[1] >= 3:
                    self.pool[ch].append(patch if bright else 255 - patch)  # all dark on light

    def shuffled(self, sample, rnd):
        """The plate with most of its characters replaced by real characters of other plates (same
        kind: letter or digit, same polarity): new texts in the real fonts, so the network learns
        characters rather than the label texts it has seen."""
        img, line, text, kind, boxes = sample
        img = img.copy()
        bright = bright_background(img, line)
        new = list(text)
        for i, (ch, (x, y, w, h)) in enumerate(zip(text, boxes)):
            if rnd.random() > 0.7:
                continue
            if ch.isdigit():
                choices = "0123456789" if i > 0 and text[i - 1].isdigit() else "123456789"
            else:
                choices = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            c = choices[rnd.integers(len(choices))]
            patches = self.pool.get(c)
            if not patches:
                continue
            patch = patches[rnd.integers(len(patches))]
            if not bright:
                patch = 255 - patch
            pw = max(3, int(round(patch.shape[1] * h / patch.shape[0])))
            patch = cv2.resize(patch, (pw, h), interpolation=cv2.INTER_AREA).astype(np.float32)
            cx = x + w // 2
            x0, x1 = max(0, cx - pw // 2), min(img.shape[1], cx - pw // 2 + pw)
            y0, y1 = max(0, y), min(img.shape[0], y + h)
            if x1 - x0 < 3 or y1 - y0 < 8:
                continue
            target = img[y0:y1, x0:x1].astype(np.float32)
            part = patch[y0 - y:y1 - y, x0 - (cx - pw // 2):x1 - (cx - pw // 2)]
            # the pasted character takes the contrast of the place it goes to
            plo, phi = np.percentile(part, 5), np.percentile(part, 95)
            tlo, thi = np.percentile(target, 5), np.percentile(target, 95)
            part = (part - plo) / max(1.0, phi - plo) * (thi - tlo) + tlo
            img[y0:y1, x0:x1] = np.clip(part, 0, 255).astype(np.uint8)
            new[i] = c
        return (img, line, "".join(new), kind, boxes)


def bright_background(img, line):
    """Dark characters on a light plate? In the row of characters the ink is the minority, so it
    pulls the mean below the median on a light plate and above it on a dark one."""
    x, y, w, h = line
    row = img[max(0, y):y + h, max(0, x):x + w]
    return np.median(row) >= row.mean()


def scenes_train(root):
    folder = os.path.join(root, "id_scenes_train")
    samples = []
    for r in csv.DictReader(open(os.path.join(folder, "labels.csv"))):
        img = cv2.imread(os.path.join(folder, "images", r["file"]), cv2.IMREAD_GRAYSCALE)
        if img is not None:
            samples.append((img, (int(r["x"]), int(r["y"]), int(r["w"]), int(r["h"])), r["plate_text"], "scene", None))
    return samples


def frame(sample, rnd):
    """The sample's plate cut out as the finder would hand it over, distorted, as a 32x128 image."""
    img, (x, y, w, h), _, kind, _ = sample
    if kind == "crop" and rnd.random() < 0.2:
        x0, y0, x1, y1 = 0, 0, img.shape[1], img.shape[0]
        x0 += int(rnd.uniform(0, 0.04) * img.shape[1])
        x1 -= int(rnd.uniform(0, 0.04) * img.shape[1])
    else:
        lo, hi = (-0.05, 0.5) if kind == "crop" else (-0.08, 0.3)
        x0 = x - rnd.uniform(lo, hi) * h
        x1 = x + w + rnd.uniform(lo, hi) * h
        y0 = y - rnd.uniform(-0.05, 0.35 if kind == "crop" else 0.2) * h
        y1 = y + h + rnd.uniform(-0.05, 0.35 if kind == "crop" else 0.2) * h
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    bw, bh = max(4.0, x1 - x0), max(4.0, y1 - y0)
    # an affine map from the box (rotated and sheared a little about its centre) onto the 128x32 input
    angle = np.deg2rad(rnd.normal(0, 2.5))
    shear = rnd.normal(0, 0.08)
    ca, sa = np.cos(angle), np.sin(angle)
    sx, sy = W / bw, H / bh
    m = np.array([[ca, -sa + shear, 0], [sa, ca, 0]], dtype=np.float64)
    m[:, :2] = np.diag([sx, sy]) @ m[:, :2]
    m[:, 2] = np.array([W / 2, H / 2]) - m[:, :2] @ np.array([cx, cy])
    src = img
    if sx < 0.5 or sy < 0.5:  # shrink first so the warp does not alias
        f = max(sx, sy) * 2
        src = cv2.resize(img, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
        m[:, :2] /= f
    out = cv2.warpAffine(src, m, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    out = out.astype(np.float32)
    if rnd.random() < 0.4:  # low resolution: a far plate
        f = rnd.uniform(0.35, 0.8)
        small = cv2.resize(out, (max(8, int(W * f)), max(4, int(H * f))), interpolation=cv2.INTER_AREA)
        out = cv2.resize(small, (W, H), interpolation=cv2.INTER_LINEAR)
    if rnd.random() < 0.3:
        out = cv2.GaussianBlur(out, (0, 0), rnd.uniform(0.4, 1.2))
    lo, hi = np.percentile(out, 2), np.percentile(out, 98)
    out = (out - lo) / max(8.0, hi - lo)
    out = out * rnd.uniform(0.5, 1.0) + rnd.uniform(0, 0.3)
    if rnd.random() < 0.5:
        out = out + rnd.normal(0, rnd.uniform(0.01, 0.06), out.shape)
    if rnd.random() < 0.2:
        out = 1 - out
    return np.clip(out, 0, 1).astype(np.float32)


def plain(sample):
    """The held-out view: the line box with fixed margins, as PlateLineReader cuts it."""
    img, (x, y, w, h), _, _, _ = sample
    m = 0.2 * h
    x0, y0 = int(max(0, x - m)), int(max(0, y - m))
    x1, y1 = int(min(img.shape[1], x + w + m)), int(min(img.shape[0], y + h + m))
    out = cv2.resize(img[y0:y1, x0:x1], (W, H), interpolation=cv2.INTER_AREA).astype(np.float32)
    lo, hi = np.percentile(out, 2), np.percentile(out, 98)
    return np.clip((out - lo) / max(8.0, hi - lo), 0, 1)


class PlateCtc(nn.Module):
    """Five conv blocks down to one row of 32 columns, then a 1x1 conv to the 37 CTC classes."""

    def __init__(self):
        super().__init__()

        def block(i, o, k=3, p=1):
            return nn.Sequential(nn.Conv2d(i, o, k, padding=p, bias=False), nn.BatchNorm2d(o), nn.ReLU())

        self.features = nn.Sequential(
            block(1, 32), nn.MaxPool2d(2),                 # 16 x 64
            block(32, 64), nn.MaxPool2d(2),                # 8 x 32
            block(64, 96), block(96, 96), nn.MaxPool2d((2, 1)),   # 4 x 32
            block(96, 128), nn.MaxPool2d((2, 1)),          # 2 x 32
            block(128, 160, (2, 3), (0, 1)),               # 1 x 32
            block(160, 160, (1, 3), (0, 1)),
            nn.Dropout2d(0.15),
        )
        self.head = nn.Conv2d(160, len(CLASSES) + 1, 1)

    def forward(self, x):
        return self.head(self.features(x))  # N x 37 x 1 x 32 (logits)


class WithSoftmax(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return F.softmax(self.net(x), dim=1)


def greedy(logits):
    best = logits.argmax(1)[:, 0, :].numpy()  # N x T
    texts = []
    for row in best:
        s, prev = [], 0
        for c in row:
            if c != prev and c != 0:
                s.append(CLASSES[c - 1])
            prev = c
        texts.append("".join(s))
    return texts


def main(root, out, epochs):
    torch.manual_seed(7)
    rnd = np.random.default_rng(7)
    torch.set_num_threads(2)
    crops = crops_train(root)
    held = [s for s in crops if hash_of(s[2]) % 12 == 0]
    train = [s for s in crops if hash_of(s[2]) % 12 != 0] + scenes_train(root)
    print("training plates %d (crops %d, scenes %d), held-out crops %d"
          % (len(train), len(crops) - len(held), len(train) - len(crops) + len(held), len(held)), flush=True)
    pool = CharPool([s for s in crops if hash_of(s[2]) % 12 != 0])
    held_x = torch.from_numpy(np.stack([plain(s) for s in held]))[:, None]
    net = PlateCtc()
    print("weights: %d" % sum(p.numel() for p in net.parameters()))
    batch = 32
    steps = epochs * ((len(train) + batch - 1) // batch)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=steps, pct_start=0.15)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    for epoch in range(epochs):
        t0 = time.time()
        net.train()
        order = rnd.permutation(len(train))
        loss_sum = 0.0
        for i in range(0, len(order), batch):
            idx = order[i:i + batch]
            chosen = [pool.shuffled(train[j], rnd) if train[j][3] == "crop" and rnd.random() < SHUFFLED else train[j] for j in idx]
            x = torch.from_numpy(np.stack([frame(c, rnd) for c in chosen]))[:, None]
            texts = [c[2] for c in chosen]
            targets = torch.tensor([CLASSES.index(c) + 1 for t in texts for c in t], dtype=torch.long)
            lengths = torch.tensor([len(t) for t in texts], dtype=torch.long)
            logits = net(x)[:, :, 0, :]                      # N x C x T
            logp = F.log_softmax(logits, 1).permute(2, 0, 1)  # T x N x C
            loss = ctc(logp, targets, torch.full((len(idx),), logp.shape[0], dtype=torch.long), lengths)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += loss.item() * len(idx)
        net.eval()
        with torch.no_grad():
            read = greedy(net(held_x))
        ok = sum(r == s[2] for r, s in zip(read, held))
        print("epoch %d: loss %.4f, held-out crops exact %.1f%% (%.0f s)"
              % (epoch + 1, loss_sum / len(train), 100.0 * ok / len(held), time.time() - t0), flush=True)
    net.eval()
    torch.onnx.export(WithSoftmax(net), torch.zeros(1, 1, H, W), out, opset_version=11,
                      input_names=["plate"], output_names=["columns"],
                      dynamic_axes={"plate": {0: "n"}, "columns": {0: "n"}})
    print("wrote", out)


def hash_of(text):
    h = 0
    for c in text:
        h = (h * 31 + ord(c)) % 1000003
    return h


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 80)
