"""Writes a synthetic race-results CSV for the memory benchmark: ROWS rows, ~350 bytes each
(1.7M rows is about 600 MB, the size users have). Usage: make_csv.py ROWS PATH"""
import math
import random
import sys


def main():
    rows, path = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(7)
    tracks = ["ascot", "epsom", "york", "goodwood", "aintree", "newmarket", "cheltenham"]
    extra = [f"f{i}" for i in range(36)]
    with open(path, "w") as f:
        f.write(",".join(["race_date", "track", "distance", "odds", "weight", "age", "form"]
                         + extra + ["won"]) + "\n")
        for i in range(rows):
            day = 14610 + i * 5479 // rows
            odds = 1.5 + 30 * rnd.random() * rnd.random()
            form = rnd.random()
            age = rnd.randint(2, 10)
            xs = [rnd.gauss(0, 1) for _ in extra]
            score = -math.log(odds) * 1.3 + 2 * form - 0.05 * abs(age - 5) + 0.3 * xs[0] + 0.8 * rnd.gauss(0, 1)
            f.write(f"{day * 86400},{rnd.choice(tracks)},{1000 + 200 * rnd.randint(0, 14)},{odds:.3f},"
                    f"{50 + 10 * rnd.random():.2f},{age},{form:.4f},"
                    + ",".join(f"{x:.5f}" for x in xs) + f",{1 if score > -0.9 else 0}\n")


if __name__ == "__main__":
    main()
