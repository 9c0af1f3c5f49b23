/** Parsed command line of `lava-checkout-sandbox`. */
export interface CliArgs {
  port: number;
  host: string;
  dataDir: string | undefined;
  memory: boolean;
  reset: boolean;
  seed: string | undefined;
  publicUrl: string | undefined;
  staticDir: string | undefined;
  appOrigins: string[];
  allowedHosts: string[];
  help: boolean;
}

export const USAGE = `Usage: lava-checkout-sandbox [options]

A local Lava backend for checkout: REST API (/v1), hosted checkout, sandbox SMS inbox.

Options:
  --port N          Port to listen on (default 4242, or $PORT; 0 = any free port)
  --host HOST       Interface to listen on (default 127.0.0.1)
  --data-dir DIR    Where the database lives (default .lava-sandbox)
  --memory          Keep everything in memory; nothing is written to disk
  --seed FILE       JSON seed applied to an empty database (default: the bundled seed)
  --reset           Delete the database in the data directory first (re-seeds)
  --public-url URL  URL browsers use to reach the sandbox (goes into session tokens)
  --static-dir DIR  The built checkout app (default: dist/checkout-app in the package)
  --app-origin URL  Also let this origin call the flow API (a checkout dev server); repeatable
  --allowed-host NAME  Also answer requests for this host name (a LAN name); repeatable.
                    Other Host headers than the public URL's and localhost/127.0.0.1/[::1] get 421
  -h, --help        Show this help
`;

export function parseArgs(argv: string[], env: Record<string, string | undefined>): CliArgs {
  const args: CliArgs = {
    port: env.PORT ? parsePort(env.PORT, 'PORT') : 4242,
    host: '127.0.0.1',
    dataDir: undefined,
    memory: false,
    reset: false,
    seed: undefined,
    publicUrl: undefined,
    staticDir: undefined,
    appOrigins: [],
    allowedHosts: [],
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        args.port = parsePort(value(), '--port');
        break;
      case '--host':
        args.host = value();
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--memory':
        args.memory = true;
        break;
      case '--reset':
        args.reset = true;
        break;
      case '--seed':
        args.seed = value();
        break;
      case '--public-url':
        args.publicUrl = value();
        break;
      case '--static-dir':
        args.staticDir = value();
        break;
      case '--app-origin':
        args.appOrigins.push(value());
        break;
      case '--allowed-host':
        args.allowedHosts.push(value());
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new Error(`unknown option ${raw}`);
    }
  }
  return args;
}

function parsePort(value: string, name: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new Error(`${name} must be a port number (0-65535)`);
  return Number(value);
}
