/// `statistics` (Lib/statistics.py, simplified): mean/fmean, median family, mode, variance and stdev.
/// Compiled by our own compiler at first import (`SourceModules`).
enum StatisticsSource {
    static let text = #"""
        class StatisticsError(ValueError):
            pass


        def mean(data):
            data = list(data)
            if not data:
                raise StatisticsError("mean requires at least one data point")
            total = sum(data)
            n = len(data)
            if all(isinstance(x, int) for x in data) and total % n == 0:
                return total // n
            return total / n


        def fmean(data):
            data = list(data)
            if not data:
                raise StatisticsError("fmean requires at least one data point")
            return sum(data) / len(data)


        def median(data):
            data = sorted(data)
            n = len(data)
            if n == 0:
                raise StatisticsError("no median for empty data")
            if n % 2 == 1:
                return data[n // 2]
            i = n // 2
            return (data[i - 1] + data[i]) / 2


        def median_low(data):
            data = sorted(data)
            if not data:
                raise StatisticsError("no median for empty data")
            return data[(len(data) - 1) // 2]


        def median_high(data):
            data = sorted(data)
            if not data:
                raise StatisticsError("no median for empty data")
            return data[len(data) // 2]


        def mode(data):
            counts = {}
            for x in data:
                counts[x] = counts.get(x, 0) + 1
            if not counts:
                raise StatisticsError("no mode for empty data")
            best = max(counts.values())
            for x, c in counts.items():
                if c == best:
                    return x


        def _ss(data):
            c = sum(data) / len(data)
            return sum((x - c) ** 2 for x in data)


        def pvariance(data):
            data = list(data)
            if not data:
                raise StatisticsError("pvariance requires at least one data point")
            return _ss(data) / len(data)


        def variance(data):
            data = list(data)
            if len(data) < 2:
                raise StatisticsError("variance requires at least two data points")
            return _ss(data) / (len(data) - 1)


        def pstdev(data):
            return pvariance(data) ** 0.5


        def stdev(data):
            return variance(data) ** 0.5
        """#
}
