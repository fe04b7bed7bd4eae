-- mixed-load.lua: a wrk script cycling through every endpoint of the API
-- (scripts/bench-server.sh, part 3): reads, references, searches, questions,
-- studies, cross-references, lexicon and topic entries, the module list and
-- POST /api/verify, each connection starting at its own place in the cycle.
local paths = {
  "/api/read?ref=John+3:16",
  "/api/read?ref=Heb+7:23-25&bible=KJV,WEB",
  "/api/refs?text=as+Hebrews+7:25+and+Rom+8:34+say",
  "/api/search?q=intercession",
  "/api/search?q=%22make+intercession%22&order=relevance&bible=KJV,WEB&n=3",
  "/api/search?q=strong:G1793",
  "/api/ask?q=Where+does+the+Bible+say+Jesus+lives+to+make+intercession+for+us%3F&n=3",
  "/api/ask?q=what+does+the+Bible+say+about+forgiveness",
  "/api/study?topic=intercession",
  "/api/study?topic=faith",
  "/api/study?topic=the+high+priest",
  "/api/study?topic=forgiveness",
  "/api/xref?ref=Ps+110:4&n=5",
  "/api/xref?ref=Heb+7:25&n=5",
  "/api/lexicon/G1793",
  "/api/topic/intercession",
  "/api/modules",
  "/healthz",
}
local reqs = {}

function init(args)
  for i, p in ipairs(paths) do
    reqs[i] = wrk.format("GET", p)
  end
  reqs[#reqs + 1] = wrk.format("POST", "/api/verify", { ["Content-Type"] = "text/plain" },
    'Hebrews 7:25 says he "ever liveth to make intercession for them", and Romans 8:34 that Christ "maketh intercession for us".')
  i = math.random(#reqs)
end

function request()
  i = i % #reqs + 1
  return reqs[i]
end

function done(summary, latency, requests)
  local errs = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("MIXED %.0f %.3f %d %d\n", summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000, errs, summary.requests))
end
