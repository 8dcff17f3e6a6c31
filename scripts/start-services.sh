#!/usr/bin/env bash
# Installs and starts, on loopback, the real services the integration tests talk to, and exports
# the variables the tests read. Sourced by scripts/test.sh when running as root on Debian.
need=()
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
command -v mosquitto >/dev/null || need+=(mosquitto mosquitto-clients)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/tmp/prognos-apt.log 2>&1 \
    || echo "warning: apt-get install ${need[*]} failed (see /tmp/prognos-apt.log); those tests will be skipped"
fi

if command -v pg_ctlcluster >/dev/null; then
  pg_ver=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -n "$pg_ver" ]; then
    pg_ctlcluster "$pg_ver" main start 2>/dev/null || true
    for _ in $(seq 1 60); do
      su postgres -c "pg_isready -q -h 127.0.0.1" && break
      sleep 0.5
    done
    cat > /tmp/prognos-pg-setup.sql <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'prognos') THEN
    CREATE ROLE prognos LOGIN PASSWORD 'prognos' CREATEDB;
  ELSE
    ALTER ROLE prognos LOGIN PASSWORD 'prognos';
  END IF;
END $$;
SELECT 'CREATE DATABASE prognos_test OWNER prognos' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'prognos_test')\gexec
SQL
    chmod 644 /tmp/prognos-pg-setup.sql
    su postgres -c "psql -q -v ON_ERROR_STOP=1 -f /tmp/prognos-pg-setup.sql" >/tmp/prognos-pg-setup.log 2>&1 \
      || echo "warning: PostgreSQL role/database setup failed (see /tmp/prognos-pg-setup.log)"
    export PROGNOS_TEST_POSTGRES="postgresql://prognos:prognos@127.0.0.1:5432/prognos_test"
    echo "PostgreSQL $pg_ver ready: PROGNOS_TEST_POSTGRES=postgresql://prognos:***@127.0.0.1:5432/prognos_test"
  fi
fi

if command -v mosquitto >/dev/null; then
  if ! (exec 3<>/dev/tcp/127.0.0.1/18830) 2>/dev/null; then
    mosquitto -p 18830 -d 2>/dev/null || true
    for _ in $(seq 1 40); do (exec 3<>/dev/tcp/127.0.0.1/18830) 2>/dev/null && break; sleep 0.25; done
  fi
  export PROGNOS_TEST_MQTT="mqtt://127.0.0.1:18830"
  echo "mosquitto ready: PROGNOS_TEST_MQTT=$PROGNOS_TEST_MQTT"
fi
