# Thin wrappers over scripts/: every target works on a fresh machine.
.PHONY: run test bench loadtest lint demo messages

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

loadtest:
	bash scripts/loadtest.sh

lint:
	bash scripts/lint.sh

demo:
	bash scripts/ensure_venv.sh && DEBUG=$${DEBUG:-true} .venv/bin/python manage.py load_demo

messages:
	bash scripts/ensure_venv.sh && DEBUG=$${DEBUG:-true} .venv/bin/python manage.py makemessages -l kk -l ru -l en --no-obsolete --ignore=.venv
