namespace CloudMgmt.Bench.Load;

/// <summary>Command-line options of the harness.</summary>
internal sealed record LoadOptions(string Mode, int Requests, int Rounds, int Concurrency, bool Guaranteed, string? Controller, bool WithSandbox,
    string Generator)
{
    /// <summary>Length of one round when the generator runs for a time rather than a count (wrk).</summary>
    public int Seconds { get; init; } = 10;

    /// <summary>grains: sample the runtime's allocation events and print the types that take the bytes.</summary>
    public bool AllocationProfile { get; init; }

    /// <summary>http: what each request is; anything but allocations measures the HTTP pipeline's own floor.</summary>
    public HttpTarget Target { get; init; } = HttpTarget.Allocations;

    /// <summary>scale: how many tenants to create.</summary>
    public int Tenants { get; init; } = 20_000;

    public const string Help = """
        Usage: dotnet run -c Release --project bench/CloudMgmt.Bench.Load -- <grains|http|floor|reconcile|scrape|scale> [options]

          grains                 admissions through the grains, silo in this process (SQLite state in a temp folder)
          floor                  Orleans' own cost on this machine: a new grain per request, with and without
                                 state, hops and a write (what an admission cannot go below)
          http                   POST /api/v1/allocations against the real controller, started as a child process
          reconcile              one full reconcile pass over 100 sandbox clouds holding 1,000 grants each
                                 (--requests sets the grants per cloud; --rounds the measured passes)
          scrape                 one /metrics scrape (refresh from the grains + text exposition) with 100 clouds
                                 and 10,000 tenants (--rounds the measured scrapes)
          scale                  province scale (issue 21): tenants through the catalog (the rate of the first and last
                                 thousand), then --requests allocations over them (--tenants, --concurrency)
          --tenants <n>          scale: tenants to create (default 20000)
          --requests <n>         admissions per round (default 20000)
          --rounds <n>           measured rounds after one warm-up round (default 5)
          --concurrency <n>      requests in flight (default 256)
          --guaranteed           departments keep their quota (lending limit 0): admissions stay in the leaf pool;
                                 default: everything is lendable, so every admission climbs to the province
          --with-sandbox         http: keep the controller's two default sandbox clouds, so every admission is also
                                 placed and held on a cloud (default: no cloud, admission only, as in grains mode)
          --generator <name>     http: who sends the requests: "dotnet" (default; an HttpClient in this process, timing
                                 each request) or "wrk" (Debian's wrk, a C load generator with one thread, which
                                 leaves more of the 2 cores to the controller; each round runs --seconds)
          --seconds <n>          http --generator wrk: length of each round (default 10)
          --target <name>        http: what each request is: "allocations" (default; POST a new allocation),
                                 "healthz" (GET /healthz: Kestrel and routing only, no auth, no grain) or "pool"
                                 (GET one leaf pool: auth, one call to a warm grain, JSON out); the last two show
                                 what the HTTP pipeline costs on this machine with nothing durable behind it
          --allocations          grains: sample where the allocated bytes go (the runtime's allocation events, by type)
          --controller <dll>     path of cloudmgmt.dll for http (default: the Release build in controller/CloudMgmt.Host)

        The tree: province > 4 cities > 4 counties each > 4 departments each > 4 teams each (5 levels, 341 pools),
        one tenant per team, quotas large enough that nothing is refused.
        """;

    public static LoadOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("grains" or "http" or "reconcile" or "scrape" or "floor" or "scale") || args.Contains("--help")
            || args.SkipWhile(a => a != "--generator").Skip(1).FirstOrDefault() is { } g && g is not ("dotnet" or "wrk")
            || args.SkipWhile(a => a != "--target").Skip(1).FirstOrDefault() is { } t && !Enum.TryParse<HttpTarget>(t, ignoreCase: true, out _))
        {
            return null;
        }

        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(args[0], Int("--requests", 20_000), Int("--rounds", 5), Int("--concurrency", 256),
            args.Contains("--guaranteed"), Value("--controller"), args.Contains("--with-sandbox"), Value("--generator") ?? "dotnet")
        {
            Seconds = Int("--seconds", 10),
            Tenants = Int("--tenants", 20_000),
            AllocationProfile = args.Contains("--allocations"),
            Target = Value("--target") is { } target ? Enum.Parse<HttpTarget>(target, ignoreCase: true) : HttpTarget.Allocations,
        };
    }
}

/// <summary>What an http-mode request is.</summary>
internal enum HttpTarget
{
    Allocations,
    Healthz,
    Pool,
}
