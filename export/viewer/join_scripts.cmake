# Joins the browser builds in SCRIPTS (a list) into OUTPUT, each ending on a
# line of its own, for the viewer page's one inline script.
file(WRITE ${OUTPUT} "")
foreach(script IN LISTS SCRIPTS)
  file(READ ${script} text)
  file(APPEND ${OUTPUT} "${text}\n;\n")
endforeach()
