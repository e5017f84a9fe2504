using System.Text;
using CloudMgmt.Cli.Hosting;
using CloudMgmt.Cli.Output;

Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args, Terminal.FromConsole());
