using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CloudMgmt.Bench.Domain -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
