using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Millrace;
using Millrace.Hosting;
using Millrace.Samples.Penguin;
using Millrace.Training;

// The penguin pipeline as a generic-host console app, from the repository root:
//   dotnet run -c Release --project samples/Penguin -- run      run it, then print the evaluation
//   dotnet run -c Release --project samples/Penguin -- graph    print its graph as Mermaid
using var host = Host.CreateApplicationBuilder(args)
    .AddMillrace()
    .AddPipeline<PenguinPipeline>()
    .Build();
int exitCode = await host.RunMillraceAsync(args);
if (args.FirstOrDefault() == "run") await EvaluationSummary.WriteAsync(host.Services.GetRequiredService<IMetadataStore>(), PenguinPipeline.Graph.Name, nameof(PenguinPipeline.Evaluator), Console.Out);
return exitCode;
