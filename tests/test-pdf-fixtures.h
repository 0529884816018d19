/* test-pdf-fixtures.h: PDFs the tests and benchmarks make for themselves
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  sb_test_pdf_write_pages     (const char *path,
                                   int         n_pages);
void  sb_test_pdf_write_encrypted (const char *path,
                                   const char *user_password);
void  sb_test_pdf_write_xref_stream (const char *path);
void  sb_test_pdf_write_bytes     (const char *path,
                                   const char *data,
                                   gssize      length);
char *sb_test_pdf_temp_dir        (void);
void  sb_test_pdf_remove_tree     (const char *path);

G_END_DECLS
