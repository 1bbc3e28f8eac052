# cmake -DLUPDATE=… -DTS_FILE=… -DWORK_DIR=… -DSOURCES_LST=… -DINCLUDE_DIRS=… -P CheckTsUpToDate.cmake
#
# Runs lupdate over a copy of TS_FILE and fails if the copy then holds a message that is
# not finished (a new or changed string) or one marked vanished/obsolete (a string gone
# from the sources). The .ts in the source tree is only read.

foreach(var LUPDATE TS_FILE WORK_DIR SOURCES_LST)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "CheckTsUpToDate.cmake needs -D${var}=…")
    endif()
endforeach()

get_filename_component(name "${TS_FILE}" NAME)
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/${name}")
file(COPY_FILE "${TS_FILE}" "${copy}")

set(include_args)
foreach(dir ${INCLUDE_DIRS})
    list(APPEND include_args "-I${dir}")
endforeach()

execute_process(
    COMMAND "${LUPDATE}" -silent -locations none ${include_args} "@${SOURCES_LST}" -ts "${copy}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}):\n${output}")
endif()

file(READ "${copy}" ts)
string(REPLACE ";" "," ts "${ts}") # keep the matches below one list element each
# A <translation> with a type attribute is not finished: unfinished, vanished or obsolete.
string(REGEX MATCHALL
    "<source>[^<]*</source>([^<]|<(oldsource|comment|oldcomment|extracomment|translatorcomment)>[^<]*</[a-z]+>)*<translation type=\"[a-z]+\""
    stale "${ts}")
list(LENGTH stale count)
if(count GREATER 0)
    set(report "")
    foreach(entry IN LISTS stale)
        string(REGEX MATCH "<source>([^<]*)</source>" _ "${entry}")
        set(source "${CMAKE_MATCH_1}")
        string(REGEX MATCH "type=\"([a-z]+)\"" _ "${entry}")
        string(APPEND report "  [${CMAKE_MATCH_1}] ${source}\n")
    endforeach()
    message(FATAL_ERROR "${name} is out of date with the sources (${count} message(s)):\n${report}"
        "Refresh it with: cmake --build <build dir> --target update_translations, then translate "
        "the unfinished messages.")
endif()
message(STATUS "${name} is up to date with the sources")
