# Parallax build, test and measurement targets. `make test` is what CI runs.
.PHONY: build test test-short vet models eval bench fuzz

build:
	go build -o bin/parallax ./cmd/parallax

# The default test suite: static checks and every test, including the ones
# that start PostgreSQL, NATS and Chromium (installed here when missing).
test:
	bash scripts/test-deps.sh
	go vet ./...
	go test -timeout 20m ./...

test-short:
	go test -short ./...

vet:
	go vet ./...

# Retrain the shipped statistical models from ../shared/data (reproducible,
# fixed seed). The trained weights are committed under models/.
# NER: clusters are induced only when models/ner/clusters.txt.gz is
# missing; NERFLAGS=-recluster redoes them.
DATA ?= ../shared/data
models:
	go run ./internal/nlp/ner/cmd/nertrain -data $(DATA) -out models/ner $(NERFLAGS)
	go run ./internal/nlp/quote/cmd/quotetrain -data $(DATA)/polnear/train -out models/quote
