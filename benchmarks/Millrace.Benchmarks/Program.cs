using BenchmarkDotNet.Running;

// Every benchmark of the project, chosen on the command line:
//   dotnet run -c Release --project benchmarks/Millrace.Benchmarks -- --filter '*Generator*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
