"""cc-pretrain's bundled trainer: a Llama-style decoder pretrained on the pipeline's Arrow token shards."""
