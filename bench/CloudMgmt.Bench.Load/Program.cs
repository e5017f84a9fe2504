using CloudMgmt.Bench.Load;

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(LoadOptions.Help);
    return args.Contains("--help") ? 0 : 2;
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Machine.Cpu()}, .NET {Environment.Version}");
if (options.Mode == "scrape")
{
    await ScrapeLoad.RunAsync(options);
    return 0;
}

if (options.Mode == "floor")
{
    await CloudMgmt.Bench.Load.Floor.FloorLoad.RunAsync(options);
    return 0;
}

if (options.Mode == "scale")
{
    await ScaleLoad.RunAsync(options);
    return 0;
}

if (options.Mode == "reconcile")
{
    await ReconcileLoad.RunAsync(options);
    return 0;
}

var rounds = options.Mode == "http" ? await HttpLoad.RunAsync(options) : await GrainLoad.RunAsync(options);
Report.Print(options, rounds);
return 0;
