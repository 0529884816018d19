/* sb-document-store.h: the PDFs a programme keeps, copied in by checksum
 */
#pragma once

#include "sb-database.h"

G_BEGIN_DECLS

#define SB_DOCUMENT_ERROR (sb_document_error_quark ())

typedef enum
{
  SB_DOCUMENT_ERROR_UNREADABLE,  /* cannot be read at all */
  SB_DOCUMENT_ERROR_NOT_PDF,     /* not a PDF Poppler can open */
  SB_DOCUMENT_ERROR_ENCRYPTED,   /* needs a password */
  SB_DOCUMENT_ERROR_STORE,       /* cannot be copied into the store */
} SbDocumentError;

GQuark  sb_document_error_quark    (void);

gint64  sb_document_store_import   (SbDatabase  *database,
                                    const char  *path,
                                    gint64       base_id,
                                    const char  *kind,
                                    GError     **error);
char   *sb_document_store_get_path (SbDatabase  *database,
                                    gint64       document_id,
                                    GError     **error);

G_END_DECLS
