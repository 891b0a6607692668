-- wrk script of scripts/bench-image-service: POST /process with a JSON list of origin URLs,
-- paced. Environment: WJ_URLS (the origin's sample URLs, space-separated), WJ_PER_JOB (URLs per
-- request), WJ_DELAY_MS (pause of each connection between requests).
local urls = {}
for url in string.gmatch(os.getenv("WJ_URLS"), "%S+") do
  urls[#urls + 1] = url
end
local per_job = tonumber(os.getenv("WJ_PER_JOB"))
local pause = tonumber(os.getenv("WJ_DELAY_MS"))
local threads = {}
local next_url = 1

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  accepted, busy, other = 0, 0, 0
end

function request()
  local list = {}
  for i = 1, per_job do
    list[i] = '"' .. urls[next_url] .. '"'
    next_url = next_url % #urls + 1
  end
  return wrk.format("POST", "/process", {["Content-Type"] = "application/json"},
                    "[" .. table.concat(list, ",") .. "]")
end

function delay()
  return pause
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  elseif status == 503 then
    busy = busy + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, b, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    b = b + thread:get("busy")
    o = o + thread:get("other")
  end
  io.write(string.format("statuses: 202=%d 503=%d other=%d\n", a, b, o))
end
