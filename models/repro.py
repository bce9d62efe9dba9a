"""Shared by the training scripts: the folders they work in, and seeding every random generator.

SEEDPRINT_WORK: checkpoints, sample grids and data caches (default models/.ckpt, not committed).
SEEDPRINT_MODEL_DIR: the model folder that is written: vocab, ONNX files, manifest, card
(default models/seedprint-tiny-v1, the shipped model).
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("SEEDPRINT_WORK") or os.path.join(HERE, ".ckpt")
MODEL_DIR = os.environ.get("SEEDPRINT_MODEL_DIR") or os.path.join(HERE, "seedprint-tiny-v1")


def seed_everything(seed):
    """Seeds Python's, NumPy's and torch's global generators and asks torch for deterministic kernels.

    Hash randomisation is fixed by PYTHONHASHSEED, which must be set before the interpreter starts
    (models/train_all.py sets it for every step). cuBLAS needs its workspace setting before CUDA
    starts to be deterministic.
    """
    import numpy as np
    import torch

    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    # warn_only: an op with no deterministic kernel warns instead of stopping a long run
    torch.use_deterministic_algorithms(True, warn_only=True)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
