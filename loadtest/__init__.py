"""`make loadtest` (scripts/loadtest.sh): locust's journeys through HAProxy and two app servers; LOAD lines."""
