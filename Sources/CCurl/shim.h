#ifndef ZORGBRUG_CCURL_SHIM_H
#define ZORGBRUG_CCURL_SHIM_H

#include <curl/curl.h>

/*
 * Typed wrappers for libcurl's variadic calls, which Swift cannot call directly.
 * Each wrapper passes exactly the C type libcurl reads for that kind of option.
 */

/* Callback types (curl.h declares them too; these names make the Swift side explicit). */
typedef size_t (*zb_curl_write_callback)(char *data, size_t size, size_t count, void *context);
typedef size_t (*zb_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);
typedef int (*zb_curl_xferinfo_callback)(void *context, curl_off_t download_total, curl_off_t download_now,
                                         curl_off_t upload_total, curl_off_t upload_now);

/* curl_global_init with the default flags (the macro is not importable as one constant). Call once. */
static inline CURLcode zb_curl_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* curl_easy_setopt for options that take a long (CURLOPTTYPE_LONG). */
static inline CURLcode zb_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt for options that take a C string (libcurl copies it, except where documented). */
static inline CURLcode zb_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt for options that take an object pointer (CURLOPTTYPE_OBJECTPOINT, CURLOPTTYPE_SLISTPOINT,
 * CURLOPTTYPE_CBPOINT). The pointee must stay alive as long as libcurl uses it. */
static inline CURLcode zb_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt for a curl_slist (CURLOPT_HTTPHEADER and friends). */
static inline CURLcode zb_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list) {
    return curl_easy_setopt(handle, option, list);
}

/* curl_easy_setopt for options that take a curl_off_t (CURLOPTTYPE_OFF_T). */
static inline CURLcode zb_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* curl_easy_setopt for CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
static inline CURLcode zb_curl_setopt_write_function(CURL *handle, CURLoption option, zb_curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/* curl_easy_setopt for CURLOPT_READFUNCTION. */
static inline CURLcode zb_curl_setopt_read_function(CURL *handle, CURLoption option, zb_curl_read_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/* curl_easy_setopt for CURLOPT_XFERINFOFUNCTION (return non-zero to abort the transfer). */
static inline CURLcode zb_curl_setopt_xferinfo_function(CURL *handle, zb_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

/* curl_easy_getinfo for CURLINFO_LONG values. */
static inline CURLcode zb_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for CURLINFO_DOUBLE values. */
static inline CURLcode zb_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for CURLINFO_OFF_T values. */
static inline CURLcode zb_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* curl_easy_getinfo for CURLINFO_STRING values. The string belongs to the handle: copy it before the next call. */
static inline CURLcode zb_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
