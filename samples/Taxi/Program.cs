using Millrace.Samples.Taxi;

Console.Write(TaxiPipeline.Graph.ToMermaid());
