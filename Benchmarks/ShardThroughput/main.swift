import Shards
print("shard-throughput: work in progress")
