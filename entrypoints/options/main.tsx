import './style.css';
import { render } from 'preact';
import { App } from './App';
import { useEnglishMessages } from '../../lib/sources/zod';
import { useExtensionMessages } from '../../lib/i18n/browser';

useEnglishMessages();
useExtensionMessages(document);

render(<App />, document.getElementById('app')!);
