// icons.h — Font Awesome 4.7 code points used by the screens (merged into the
// text fonts by fonts.cpp), as UTF-8 string literals to concatenate with labels.
#pragma once

#define PS_ICON_FOLDER_OPEN "\xef\x81\xbc"   // U+F07C
#define PS_ICON_DOWNLOAD "\xef\x80\x99"      // U+F019
#define PS_ICON_LINK "\xef\x83\x81"          // U+F0C1
#define PS_ICON_UNDO "\xef\x83\xa2"          // U+F0E2
#define PS_ICON_REDO "\xef\x80\x9e"          // U+F01E
#define PS_ICON_QUESTION "\xef\x81\x99"      // U+F059
#define PS_ICON_INFO "\xef\x81\x9a"          // U+F05A
#define PS_ICON_KEYBOARD "\xef\x84\x9c"      // U+F11C
#define PS_ICON_PIN "\xef\x82\x8d"           // U+F08D
#define PS_ICON_CLOSE "\xef\x80\x8d"         // U+F00D
#define PS_ICON_PLUS "\xef\x81\xa7"          // U+F067
#define PS_ICON_TRASH "\xef\x87\xb8"         // U+F1F8
#define PS_ICON_WARNING "\xef\x81\xb1"       // U+F071
#define PS_ICON_CHECK "\xef\x80\x8c"         // U+F00C
#define PS_ICON_CAMERA "\xef\x80\xb0"        // U+F030
#define PS_ICON_RANDOM "\xef\x81\xb4"        // U+F074
#define PS_ICON_BOOK "\xef\x80\xad"          // U+F02D
#define PS_ICON_ARROW_RIGHT "\xef\x81\xa1"   // U+F061
#define PS_ICON_EXCHANGE "\xef\x83\xac"      // U+F0EC (two arrows, left and right)
