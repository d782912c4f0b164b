"""whosaid over a corpus with Apache Spark: each partition of a JSON Lines
corpus of {"id": ..., "text": ...} is piped through `whosaid export --input
jsonl -`, and the whosaid/1 lines are saved as text files, in input order
(part-00000, part-00001, ... concatenated give one run's output).

Spark schedules, retries and moves the data; whosaid stays a plain
command that reads lines and writes lines. It must be installed on every
worker (or given with --whosaid as a path that exists there).

    python examples/spark_whosaid.py corpus.jsonl out/              # local[*]
    spark-submit --master spark://head:7077 examples/spark_whosaid.py \\
        hdfs:///corpora/news.jsonl hdfs:///whosaid/news --whosaid /usr/local/bin/whosaid
    python examples/spark_whosaid.py --master yarn corpus.jsonl out/

A line that is not an article comes out as {"id": ..., "line": N, "error":
...}, N counted within its partition; its id tells which it was.
"""

import argparse
import shlex

from pyspark.sql import SparkSession


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="the JSON Lines corpus (a path or URI Spark can read)")
    parser.add_argument("output", help="a directory to create for the whosaid/1 lines")
    parser.add_argument(
        "--master",
        help="Spark master URL, e.g. local[2], spark://host:7077, yarn "
        "(default: spark-submit's, else local[*])",
    )
    parser.add_argument(
        "--whosaid", default="whosaid", help="the whosaid command on the workers"
    )
    parser.add_argument(
        "--partitions", type=int, help="at least this many partitions (default: Spark's)"
    )
    parser.add_argument(
        "--whosaid-args",
        default="",
        help="more export arguments, e.g. \"--kind direct\"",
    )
    args = parser.parse_args()

    builder = SparkSession.builder.appName("whosaid")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        command = [args.whosaid, "export", "--input", "jsonl"]
        command += shlex.split(args.whosaid_args) + ["-"]
        # checkCode stays off: whosaid exits 2 after writing an error line for
        # a bad input line, and that line is the report, not a failed task.
        lines.pipe(shlex.join(command)).saveAsTextFile(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
