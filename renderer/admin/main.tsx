import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp';
import '../src/styles/tokens.css';
import '../src/styles/visuallyHidden.css';
import './styles/console.css';

const root = document.getElementById('root');
if (!root) throw new Error('admin.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
