"""Two batches of 784 MNIST digits each, 784-D, as .npy (float64, [784, 784]) for bench/w1images.sh.
The digits come from the shipped MNIST subset (VERIFY_DATA/mnist/0.json … 9.json, each {"data": [1001·784 values in
[0, 1]]}); 1568 distinct images are drawn with a fixed seed (NumPy's default_rng(0)), the first 784 go to p.npy, the
next 784 to q.npy. Usage: gen.py VERIFY_DATA OUT_DIR"""
import json
import sys

import numpy as np

data, out = sys.argv[1], sys.argv[2]
images = np.concatenate([np.asarray(json.load(open(f"{data}/mnist/{d}.json"))["data"], dtype=np.float64).reshape(-1, 784)
                         for d in range(10)])
pick = np.random.default_rng(0).choice(len(images), 2 * 784, replace=False)
np.save(f"{out}/p.npy", images[pick[:784]])
np.save(f"{out}/q.npy", images[pick[784:]])
