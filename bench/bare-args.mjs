// Shared by the bare servers: read `--port N` / `--port=N` and ignore every other flag,
// so either can be started with the mock's command line (BENCH_MOCK_CMD).
export function parsePort(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') return Number(argv[i + 1]);
    if (argv[i].startsWith('--port=')) return Number(argv[i].slice('--port='.length));
  }
  return 0;
}
