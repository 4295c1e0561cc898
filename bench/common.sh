# Helpers shared by the bench scripts (sourced, not run).

# A free TCP port on loopback.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits up to 30 s for a port on loopback to accept connections.
wait_port() {
  for _ in $(seq 1 300); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "port $1 never opened" >&2
  return 1
}

# Writes $1/fast.conf: the fast upstream, nginx answering 200 from its configuration on port $2, in
# the foreground (Paastis runs it as a local app).
write_fast_upstream_conf() {
  cat > "$1/fast.conf" <<CONF
worker_processes auto;
daemon off;
pid $1/fast.pid;
error_log $1/fast-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$2;
    keepalive_requests 1000000;
    location / { return 200 "fast\\n"; }
  }
}
CONF
}
