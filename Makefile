.PHONY: test build vet models eval bench

build:
	go build -o bin/parallax ./cmd/parallax

test:
	go vet ./...
	go test ./...

models:
	@echo "see later targets"
