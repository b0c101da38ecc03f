Console.WriteLine("usage: dotnet run --project bench/Bench -- <benchmark>");
