<?php
/**
 * The router of `php -S` for the test WordPress: /wp-content/ is the test's own content folder
 * (RETAINKIT_WP_CONTENT: the plugin, the stand-in, a theme, uploads); everything else is Debian's WordPress.
 *
 * @package retainkit
 */

$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( 0 === strpos( $path, '/wp-content/' ) ) {
	$file = realpath( getenv( 'RETAINKIT_WP_CONTENT' ) . substr( $path, strlen( '/wp-content' ) ) );
	if ( ! $file || ! is_file( $file ) || '.php' === substr( $file, -4 ) ) {
		http_response_code( 404 );
		return true;
	}
	$types = array( 'js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'woff2' => 'font/woff2' );
	header( 'Content-Type: ' . ( $types[ pathinfo( $file, PATHINFO_EXTENSION ) ] ?? 'application/octet-stream' ) );
	readfile( $file );
	return true;
}
$docroot = $_SERVER['DOCUMENT_ROOT'];
if ( '/' !== $path && ! file_exists( $docroot . $path ) ) {
	// Not a file of WordPress (such as /favicon.ico): WordPress answers it, as Apache's rewrite rules would.
	chdir( $docroot );
	require $docroot . '/index.php';
	return true;
}
return false;
