// Lines of a scraped article that are not its text: navigation, "related
// articles", and bylines, whose source and author become metadata.
#ifndef NASIJ_EXTRACT_BOILERPLATE_H_
#define NASIJ_EXTRACT_BOILERPLATE_H_

#include <string>

namespace nasij {

// Fills source and author from a byline ("المصدر: موقع الحرة - جويس كرم",
// "By Jane Doe, Reuters"); true when the line is one.
bool ParseByline(const std::string& line, std::string* source, std::string* author);

// True for navigation and link-list lines.
bool IsBoilerplate(const std::string& line);

}  // namespace nasij

#endif  // NASIJ_EXTRACT_BOILERPLATE_H_
